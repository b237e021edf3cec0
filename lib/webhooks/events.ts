// The events a merchant's webhook endpoints can subscribe to, and the shape of every delivery's
// body: `{ type, timestamp, data }` as the Standard Webhooks specification recommends.
import { z } from 'zod'

export const WEBHOOK_EVENT_TYPES = [
  'sync_issue.opened',
  'sync_issue.resolved',
  'address_error.opened',
  'address_error.fixed',
  'connection.degraded',
  'connection.recovered',
] as const

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES)

export type WebhookPayload = { type: WebhookEventType; timestamp: string; data: Record<string, unknown> }

export function webhookPayload(type: WebhookEventType, data: Record<string, unknown>, at: Date): WebhookPayload {
  return { type, timestamp: at.toISOString(), data }
}
