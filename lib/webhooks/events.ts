// The events a merchant's webhook endpoints can subscribe to, each with the zod schema of its
// `data` (the contract receivers code against; emitters are type-checked by it), and the body of
// every delivery: `{ type, timestamp, data }` as the Standard Webhooks specification recommends.
import { z } from 'zod'
import type { WebhookEventType } from './event-types'

export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './event-types'

const Instant = z.iso.datetime()

const Issue = z.object({
  issue: z.object({
    id: z.uuid(),
    operation: z.string().describe('accept | ship | stock | cancel'),
    kind: z.string().describe('not_found | status_error | credentials | connection | validation | internal'),
    status: z.string().describe('open | retrying | resolved | dismissed (closed by the merchant: no resolution)'),
    reference: z.string().nullable(),
    sku: z.string().nullable(),
    message: z.string(),
    occurrences: z.number().int(),
    firstSeenAt: Instant,
    lastSeenAt: Instant,
    resolution: z.string().nullable(),
    resolvedAt: Instant.nullable(),
  }),
})

const OrderRef = z.object({ reference: z.string() })

export const WEBHOOK_DATA_SCHEMAS = {
  'sync_issue.opened': Issue,
  'sync_issue.resolved': Issue,
  'address_error.opened': z.object({
    order: OrderRef,
    /** The blocking problems by address field (our checks' messages, or the carrier's). */
    fields: z.record(z.string(), z.array(z.string())),
    carrierRejection: z.object({ carrier: z.string(), message: z.string(), fields: z.array(z.string()), at: Instant }).nullable(),
  }),
  'address_error.fixed': z.object({ order: OrderRef }),
  'connection.degraded': z.object({ since: Instant, openIssues: z.number().int(), kinds: z.array(z.string()) }),
  'connection.recovered': z.object({ degradedSince: Instant, recoveredAt: Instant }),
} as const satisfies Record<WebhookEventType, z.ZodType>

export type WebhookData<T extends WebhookEventType> = z.input<(typeof WEBHOOK_DATA_SCHEMAS)[T]>

export type WebhookPayload = { type: WebhookEventType; timestamp: string; data: Record<string, unknown> }

export function webhookPayload(type: WebhookEventType, data: Record<string, unknown>, at: Date): WebhookPayload {
  return { type, timestamp: at.toISOString(), data }
}
