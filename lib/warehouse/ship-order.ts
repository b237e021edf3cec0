// PACKED → IN_TRANSIT: the carrier has the parcel. The tracking details are kept on the order and
// sent to Back Market (new_state 3, Cubyn's parcel_update) by a SHIP task committed with the
// status change.
import 'server-only'
import { z } from 'zod'
import { ORDERLINE_STATE } from '@/lib/backmarket/states'
import { AppError, fromZodError } from '@/lib/errors'
import type { SyncTask } from '@/lib/generated/prisma/client'
import { plainText } from '@/lib/input/plain-text'
import { assertNoCarrierRejection } from './carrier-rejection'
import { findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'
import { withOutbox, type Outbox, type Tx } from './with-outbox'

// Back Market's limits for these fields (docs/backmarket.md §1.4).
export const ShipInputSchema = z.object({
  /** A Back Market `Shipper` name, e.g. "Colissimo". */
  carrier: plainText().trim().min(1, { error: 'Choose the carrier' }).max(200),
  // Labels print tracking numbers in groups; Back Market wants them without spaces (docs/backmarket.md §1.4).
  // Tabs and line breaks are whitespace the transform removes; other controls are refused.
  trackingNumber: plainText({ multiline: true })
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().min(1, { error: 'Enter the tracking number' }).max(200)),
  trackingUrl: z.url({ protocol: /^https?$/, error: 'Enter a web address starting with https://' }).max(300).optional(),
})

export type ShipInput = z.input<typeof ShipInputSchema>

const { SHIPPED, REFUNDED_AFTER_SHIPPING, CANCELLED, REFUNDED_BEFORE_SHIPPING, NOT_PAID } = ORDERLINE_STATE
/** Line states after which Back Market has nothing left to ship. */
const DONE: ReadonlySet<number> = new Set([SHIPPED, REFUNDED_AFTER_SHIPPING, CANCELLED, REFUNDED_BEFORE_SHIPPING, NOT_PAID])

/** IMEI or serial number of a shipped unit, by our SKU (the warehouse scans it at packing). */
export type ShippedUnit = { sku: string; imei?: string; serialNumber?: string }

type ShipOptions = FlowOptions & ShipInput & { shippedAt?: Date; units?: readonly ShippedUnit[] }

export async function shipOrder(opts: ShipOptions): Promise<{ order: FlowOrder; task: SyncTask | null }> {
  return withOutbox((tx, outbox) => shipOrderIn(tx, outbox, opts))
}

/** shipOrder inside the caller's transaction (the warehouse event processor's). */
export async function shipOrderIn(tx: Tx, outbox: Outbox, opts: ShipOptions): Promise<{ order: FlowOrder; task: SyncTask | null }> {
  const parsed = ShipInputSchema.safeParse(opts)
  if (!parsed.success) throw fromZodError(parsed.error)
  const { carrier, trackingNumber, trackingUrl } = parsed.data
  const shippedAt = opts.shippedAt ?? new Date()

  const found = await findFlowOrderOrThrow(tx, opts, { lines: { select: { id: true, sku: true, quantity: true, bmState: true } } })
  // A carrier refused the address at label creation: no parcel leaves until it is changed.
  assertNoCarrierRejection(found)
  const order = await transitionOrder(tx, {
    order: pickFlowOrder(found),
    to: 'IN_TRANSIT',
    expectedVersion: opts.expectedVersion,
    data: { shippedAt, shipper: carrier, trackingNumber, trackingUrl: trackingUrl ?? null },
  })
  const identified = await recordShippedUnits(tx, found.lines, opts.units ?? [])
  // Already shipped on Back Market (by hand in its back office): nothing to send. Lines it
  // cancelled or refunded meanwhile still get the call, so its refusal reaches the merchant.
  const states = found.lines.map((l) => l.bmState)
  const alreadyShipped = states.every((s) => DONE.has(s)) && states.some((s) => s === SHIPPED || s === REFUNDED_AFTER_SHIPPING)
  if (alreadyShipped) return { order, task: null }
  const payload = { trackingNumber, shipper: carrier, dateShipping: shippedAt.toISOString(), ...(trackingUrl ? { trackingUrl } : {}), ...identified }
  const { task } = await outbox.add({ operation: 'SHIP', orderId: order.id, merchantId: order.merchantId, origin: opts.origin ?? 'flow', payload })
  return { order, task }
}

type ShipLine = { id: string; sku: string; quantity: number }

/**
 * Keeps each unit's IMEI or serial number on its line, and returns what goes with the SHIP: Back
 * Market takes them only for an order of one line of quantity 1, and never corrects them later
 * (docs/backmarket.md §1.4), so any other order keeps them on our side only.
 */
async function recordShippedUnits(tx: Tx, lines: readonly ShipLine[], units: readonly ShippedUnit[]): Promise<{ imei?: string; serialNumber?: string }> {
  for (const unit of units) {
    const line = lines.find((l) => l.sku === unit.sku)
    if (!line) {
      throw new AppError('unprocessable', {
        message: `shipped unit ${unit.sku} is not a line of the order`,
        fields: { [`lines.${unit.sku}`]: [`No line of this order has the SKU ${unit.sku}.`] },
      })
    }
    await tx.orderLine.update({ where: { id: line.id }, data: { imei: unit.imei ?? null, serialNumber: unit.serialNumber ?? null } })
  }
  const [only] = lines
  const unit = lines.length === 1 && only?.quantity === 1 ? units.find((u) => u.sku === only.sku) : undefined
  return { ...(unit?.imei ? { imei: unit.imei } : {}), ...(unit?.serialNumber ? { serialNumber: unit.serialNumber } : {}) }
}
