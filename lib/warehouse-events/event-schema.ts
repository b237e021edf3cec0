// The wire contract of POST /api/v1/warehouse/events: what a warehouse management system (WMS)
// reports, one event per thing that happened, each with its own id and the time it happened.
// Shared by the route, the processor, the simulator (which posts these over HTTP like any WMS),
// the benchmark and the OpenAPI document. Client-safe: no server imports.
import { z } from 'zod'
import { instant } from '@/lib/input/instant'
import { RETURN_REASONS } from '@/lib/backmarket/states'
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from '@/lib/input/control-characters'
import { plainText } from '@/lib/input/plain-text'

/** Largest batch one request may carry. */
export const MAX_EVENTS_PER_BATCH = 500

const Reference = z.string().regex(/^[0-9]{1,32}$/, { error: 'An order reference is Back Market\'s order_id: digits only' })
const Sku = plainText().trim().min(1, { error: 'Enter the SKU' }).max(200)
const Text = (max: number) => plainText().trim().min(1).max(max)

/** Address fields a carrier may name when it refuses an address (our OrderAddress columns). */
export const ADDRESS_FIELDS = ['company', 'firstName', 'lastName', 'street', 'street2', 'postalCode', 'city', 'country', 'phone', 'email'] as const

/** How far ahead of ours a warehouse clock may be before its events are refused. */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000

const envelope = {
  /** The WMS's own id for this event: the same id again is answered with the first outcome. */
  id: Text(200),
  merchantId: z.uuid({ error: 'merchantId must be the merchant\'s id (a UUID)' }),
  /** When it happened in the warehouse (RFC 3339 with an offset). Events apply in this order. */
  occurredAt: instant({ error: 'occurredAt must be an RFC 3339 date-time, e.g. 2026-12-06T09:30:00Z' }).refine(
    (value) => Date.parse(value) <= Date.now() + MAX_CLOCK_AHEAD_MS,
    // The latest count wins: one event from a clock years ahead would make every later real
    // count of that SKU "older", and freeze it for good.
    { error: 'occurredAt is in the future: check the warehouse system\'s clock' },
  ),
}

const orderEvent = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.object({ ...envelope, type: z.literal(type), data: z.object({ reference: Reference, ...data }) })

export const WarehouseEventSchema = z.discriminatedUnion('type', [
  /** The warehouse has the order: our address rules run on it (blocked addresses reach the Errors tab). */
  orderEvent('order.received', {}),
  /** The warehouse validated the order: the sale is accepted on Back Market (new_state 2). */
  orderEvent('order.validated', {}),
  /** A carrier refused the address at label creation: the order is blocked until it is fixed. */
  orderEvent('order.address_rejected', {
    carrier: Text(200),
    message: Text(1000),
    fields: z.array(z.enum(ADDRESS_FIELDS)).max(ADDRESS_FIELDS.length).default([]),
  }),
  orderEvent('order.picking_started', {}),
  orderEvent('order.packed', {}),
  /** The parcel left with its tracking number (new_state 3). */
  orderEvent('order.shipped', {
    carrier: Text(200),
    trackingNumber: Text(200),
    trackingUrl: z.url({ protocol: /^https?$/ }).max(300).refine((v) => !hasControlCharacters(v), { error: CONTROL_CHARACTERS_MESSAGE }).optional(),
    /** Per line where Back Market needs it (a single line of quantity 1): IMEI or serial number. */
    lines: z
      .array(z.object({ sku: Sku, imei: z.string().regex(/^[0-9]{15}$/, { error: 'An IMEI is 15 digits' }).optional(), serialNumber: Text(50).optional() }))
      .max(100)
      .default([]),
  }),
  orderEvent('order.delivered', {}),
  /** One line cancelled: new_state 4 before acceptance, 5 after, 6 after shipping (docs/backmarket.md §1.6). */
  orderEvent('order.line_cancelled', {
    sku: Sku,
    /** Required once the line has shipped (a refund after shipping). */
    returnReason: z.union(RETURN_REASONS.map((r) => z.literal(r))).optional(),
    /** Sent to the customer with a refund after shipping (≤ 500 characters). */
    returnMessage: plainText({ multiline: true }).trim().min(1).max(500).optional(),
  }),
  /** The absolute level on hand: the latest occurredAt wins, an older level never overwrites a newer one. */
  z.object({ ...envelope, type: z.literal('stock.level'), data: z.object({ sku: Sku, quantity: z.number().int().min(0).max(2_147_483_647) }) }),
  /** Units in (+) or out (−) with the reason. */
  z.object({
    ...envelope,
    type: z.literal('stock.adjusted'),
    data: z.object({
      sku: Sku,
      delta: z.number().int().min(-2_147_483_647).max(2_147_483_647).refine((n) => n !== 0, { error: 'An adjustment moves at least one unit' }),
      reason: Text(200),
    }),
  }),
])

export type WarehouseEvent = z.infer<typeof WarehouseEventSchema>
export type WarehouseEventInput = z.input<typeof WarehouseEventSchema>
export type WarehouseEventType = WarehouseEvent['type']

/** The body: events are checked one by one (a bad event is refused alone, the rest accepted). */
export const WarehouseEventBatchSchema = z.object({
  events: z.array(z.unknown()).min(1, { error: 'Send at least one event' }).max(MAX_EVENTS_PER_BATCH, { error: `At most ${MAX_EVENTS_PER_BATCH} events per request` }),
})

/** The subject an event is about: one subject's events apply one at a time, in occurredAt order. */
export function eventSubject(event: WarehouseEvent): string {
  return 'reference' in event.data ? `order:${event.data.reference}` : `sku:${event.data.sku}`
}
