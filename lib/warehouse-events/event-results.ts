// What POST /api/v1/warehouse/events answers for each event, and what GET …/events/{id} shows:
// the zod schemas the operations publish (OpenAPI) and the code builds. Client-safe.
import { z } from 'zod'

export const EVENT_STATES = ['pending', 'parked', 'applied', 'refused'] as const
export type EventState = (typeof EVENT_STATES)[number]

/** What applying the event did, or the rule that refused it. */
export const EventOutcomeSchema = z.object({
  code: z.string().meta({ description: 'e.g. applied, stale, address_errors, order_cancelled, not_shipped, internal' }),
  message: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
})
export type EventOutcome = z.infer<typeof EventOutcomeSchema>

const EventErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** By path in the request, e.g. `events[3].data.trackingNumber`. */
  fields: z.record(z.string(), z.array(z.string())).optional(),
})

export const EventResultSchema = z.discriminatedUnion('result', [
  z.object({ id: z.string(), result: z.literal('accepted'), state: z.literal('pending') }),
  z.object({ id: z.string(), result: z.literal('duplicate'), state: z.enum(EVENT_STATES), outcome: EventOutcomeSchema.optional() }),
  z.object({ id: z.string(), result: z.literal('conflict'), error: EventErrorSchema }),
  /** `id` is null when the event had no usable id. */
  z.object({ id: z.string().nullable(), result: z.literal('rejected'), error: EventErrorSchema }),
])
export type EventResult = z.infer<typeof EventResultSchema>

export const EventBatchResultSchema = z.object({ results: z.array(EventResultSchema) })

/** One recorded event as the WMS follows it. */
export const RecordedEventSchema = z.object({
  id: z.string(),
  merchantId: z.uuid(),
  type: z.string(),
  occurredAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  state: z.enum(EVENT_STATES),
  processedAt: z.iso.datetime().nullable(),
  attempts: z.number().int(),
  outcome: EventOutcomeSchema.nullable(),
})
export type RecordedEvent = z.infer<typeof RecordedEventSchema>

/**
 * 202 while any event of the batch was taken (accepted or already known); otherwise the whole
 * request failed: 409 if one of them reused an id with another payload, else 400.
 */
export function batchStatus(results: readonly EventResult[]): 202 | 400 | 409 {
  if (results.some((r) => r.result === 'accepted' || r.result === 'duplicate')) return 202
  return results.some((r) => r.result === 'conflict') ? 409 : 400
}
