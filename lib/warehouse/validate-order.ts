// CREATED → VALIDATED: the warehouse takes the order. The CURRENT address gets the silent fixes
// of docs/backmarket.md §2.4 (saved), then the full check; an address with errors keeps the order CREATED —
// that is the Errors tab's job, an expected outcome, so it is returned, not thrown. Validating is
// what accepts the sale on Back Market (docs/backmarket.md §2.4): the ACCEPT task commits with the status
// change (the outbox) and is delivered after the commit.
import 'server-only'
import { blockingFields } from '@/lib/addresses/check-with-fixes'
import { ORDERLINE_STATE } from '@/lib/backmarket/states'
import { AppError, type FieldErrors } from '@/lib/errors'
import type { SyncTask } from '@/lib/generated/prisma/client'
import { announceAddressCheck } from '@/lib/webhooks/address-error-webhooks'
import { checkCurrentAddressIn, type AddressCheck } from './check-order-address'
import { assertTransition } from './order-flow'
import { compareAndSetOrder, findFlowOrderOrThrow, pickFlowOrder, transitionOrder, type FlowOptions, type FlowOrder } from './order-transition'
import { withOutbox, type Outbox, type Tx } from './with-outbox'

/** Line states Back Market has not released to the seller yet: must not be prepared (docs/backmarket.md §1.6). */
const NOT_RELEASED: ReadonlySet<number> = new Set([ORDERLINE_STATE.NEW, ORDERLINE_STATE.ON_HOLD, ORDERLINE_STATE.PENDING_PAYMENT])

type Checked = { order: FlowOrder } & Pick<AddressCheck, 'fixes' | 'issues'>

export type ValidateOrderResult =
  | (Checked & { outcome: 'validated'; task: SyncTask | null })
  /** `fields` holds the blocking issues' messages by field, ready for a 422 with field errors. */
  | (Checked & { outcome: 'address_errors'; fields: FieldErrors })

export async function validateOrder(opts: FlowOptions): Promise<ValidateOrderResult> {
  return withOutbox((tx, outbox) => validateOrderIn(tx, outbox, opts))
}

/** validateOrder inside the caller's transaction (the warehouse event processor's). */
export async function validateOrderIn(tx: Tx, outbox: Outbox, opts: FlowOptions): Promise<ValidateOrderResult> {
  const origin = opts.origin ?? 'flow'
  const found = await findFlowOrderOrThrow(tx, opts, {
    // Lines the warehouse cancelled are neither prepared nor accepted: their CANCEL task tells Back Market.
    lines: { where: { cancelledAt: null }, select: { bmState: true } },
    addresses: { where: { kind: 'CURRENT' } },
  })
  const order = pickFlowOrder(found)
  assertTransition(order.status, 'VALIDATED')
  if (found.lines.some((l) => NOT_RELEASED.has(l.bmState))) {
    throw new AppError('conflict', {
      message: `order ${order.reference} has lines Back Market has not released (payment or partner check)`,
      userMessage: 'Back Market is still checking the payment for this order; it cannot be validated yet.',
      // A warehouse event meeting this is retried for a while (lib/warehouse-events): the check ends.
      details: { rule: 'line_not_released', retryable: true },
    })
  }
  const { valid, fixes, issues, checked } = await checkCurrentAddressIn(tx, order, found.addresses[0])

  // address_error.opened / .fixed when this check changes whether the address blocks the order.
  const announce = (fields?: FieldErrors) => announceAddressCheck(tx, { order, before: found, after: { addressIssues: issues, carrierRejection: found.carrierRejection }, fields })
  if (!valid) {
    const saved = await compareAndSetOrder(tx, { order, expectedVersion: opts.expectedVersion, data: checked })
    await announce(blockingFields(issues))
    return { outcome: 'address_errors', order: saved, fixes, issues, fields: blockingFields(issues) }
  }
  const saved = await transitionOrder(tx, {
    order,
    to: 'VALIDATED',
    expectedVersion: opts.expectedVersion,
    data: { ...checked, validatedAt: new Date() },
  })
  await announce()
  // Only lines still "to accept" need the call: an order accepted on Back Market already (by
  // hand in its back office, or before it reached us) changes on our side only.
  const toAccept = found.lines.some((l) => l.bmState === ORDERLINE_STATE.TO_ACCEPT)
  const task = toAccept ? (await outbox.add({ operation: 'ACCEPT', orderId: order.id, merchantId: order.merchantId, origin })).task : null
  return { outcome: 'validated', order: saved, fixes, issues, task }
}
