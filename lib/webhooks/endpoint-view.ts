// What the dashboard is shown of an endpoint and its deliveries: never a secret (a secret is shown
// once, in the answer that made it).
import type { Prisma } from '@/lib/generated/prisma/client'

export type WebhookEndpointView = {
  id: string
  url: string
  description: string | null
  events: string[]
  enabled: boolean
  disabledAt: string | null
  disabledReason: string | null
  failingSince: string | null
  /** Until when the previous secret still signs beside the current one (after a rotation). */
  previousSecretExpiresAt: string | null
  createdAt: string
}

type EndpointRow = Prisma.WebhookEndpointGetPayload<object>

const iso = (d: Date | null) => d?.toISOString() ?? null

export function toEndpointView(e: EndpointRow, now = new Date()): WebhookEndpointView {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    enabled: e.enabled,
    disabledAt: iso(e.disabledAt),
    disabledReason: e.disabledReason,
    failingSince: iso(e.failingSince),
    previousSecretExpiresAt: e.previousSecretExpiresAt && e.previousSecretExpiresAt > now ? e.previousSecretExpiresAt.toISOString() : null,
    createdAt: e.createdAt.toISOString(),
  }
}

export type WebhookAttemptView = { attempt: number; trigger: string; statusCode: number | null; durationMs: number; error: string | null; at: string }

export type WebhookDeliveryView = {
  id: string
  messageId: string
  eventType: string
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED'
  attempts: number
  lastStatusCode: number | null
  nextAttemptAt: string | null
  createdAt: string
  recentAttempts: WebhookAttemptView[]
}
