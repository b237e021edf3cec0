// The warehouse events operations: the WMS posts what happened (POST /warehouse/events) and follows
// one event (GET /warehouse/events/{id}). The batch's events are checked one by one by the ingest
// (a bad event is refused alone), so the body schema only bounds the list; the document still
// shows each item as the event contract, rendered by zod from the schema the ingest parses with.
import { z } from 'zod'
import { EventBatchResultSchema, RecordedEventSchema } from '@/lib/warehouse-events/event-results'
import { MAX_EVENTS_PER_BATCH, WarehouseEventBatchSchema, WarehouseEventSchema } from '@/lib/warehouse-events/event-schema'
import { defineOperation } from '../operation'

// Without its $schema line: inside an OpenAPI 3.1 document the dialect is the document's.
const eventJsonSchema: Record<string, unknown> = { ...z.toJSONSchema(WarehouseEventSchema, { io: 'input', unrepresentable: 'any' }) }
delete eventJsonSchema.$schema

const BatchBody = WarehouseEventBatchSchema.extend({
  events: WarehouseEventBatchSchema.shape.events.meta({
    description: `1 to ${MAX_EVENTS_PER_BATCH} events, each checked on its own.`,
    override: { type: 'array', minItems: 1, maxItems: MAX_EVENTS_PER_BATCH, items: eventJsonSchema },
  }),
})

export const postWarehouseEventsOperation = defineOperation({
  operationId: 'postWarehouseEvents',
  method: 'POST',
  path: '/warehouse/events',
  summary: 'Report what happened in the warehouse',
  description: [
    'Each event has the WMS\'s own `id` (unique per merchant), its `type`, the `merchantId` it is about, when it `occurredAt`, and its `data`.',
    'The answer has one result per event, in order: `accepted` (recorded, state `pending`), `duplicate` (this id was recorded before with the same content: its state and outcome as they stand), `conflict` (this id was used for other content) or `rejected` (not valid, with the fields named as `events[i].data.field`).',
    'Recorded events are applied in the background, per order or SKU in `occurredAt` order; an event about an order not imported yet waits (`parked`) and is applied when the order arrives. Follow one with `GET /warehouse/events/{id}`.',
    'When no event of the batch was recorded the request fails: 409 if an id was reused, else 400; `error.details.results` holds the results.',
  ].join('\n\n'),
  tags: ['Warehouse'],
  scope: 'warehouse:write',
  body: BatchBody,
  // 500 events of a few hundred bytes each, with room for long texts.
  maxBodyBytes: 1024 * 1024,
  responses: { 202: { description: 'At least one event was recorded or already known.', schema: EventBatchResultSchema } },
})

export const getWarehouseEventOperation = defineOperation({
  operationId: 'getWarehouseEvent',
  method: 'GET',
  path: '/warehouse/events/{id}',
  summary: 'Follow one warehouse event',
  description: 'Its state (`pending`, `parked`, `applied`, `refused`) and outcome: what applying it did, or the rule that refused it.',
  tags: ['Warehouse'],
  scope: 'warehouse:write',
  params: z.object({ id: z.string().min(1).max(200).meta({ description: 'The event id the WMS sent.' }) }),
  query: z.object({ merchantId: z.uuid({ error: 'merchantId must be the merchant\'s id (a UUID)' }).meta({ description: 'Event ids are unique per merchant.' }) }),
  responses: { 200: { description: 'The event.', schema: RecordedEventSchema } },
})
