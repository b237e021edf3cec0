// The merchant's fix of a blocked order's shipping address (the Errors tab): save it as the
// CURRENT address, then validate the order, which accepts the sale on Back Market (docs/backmarket.md §2.4).
//
// - Compare-and-set on the order's version, in the transaction that writes the address: an edit
//   based on an older version is refused (409) with BOTH addresses — what was submitted and what
//   is saved now — so the merchant chooses and nothing typed is lost.
// - The edit is saved even when the address still fails the carrier rules: the order stays
//   CREATED with the new issues (`address_errors`, a 422 for the route), and the merchant carries
//   on from what they typed instead of starting again.
// - Only CREATED orders can be edited: past that, the parcel is being prepared with the old address.
//   Except when a carrier refused the address at label creation (carrier-rejection.ts): the
//   warehouse is waiting for a new one. Such an order is already validated, so the fix is checked
//   (silent fixes, then our rules) and saved in one transaction; nothing goes to Back Market.
// - A new address that passes our checks lifts a carrier's refusal: the carrier judged the old
//   one. One that still fails keeps it, so the order stays blocked with both reasons in view.
import 'server-only'
import type { AddressIssue } from '@/lib/addresses/address-issues'
import { AddressSchema, type Address, type AddressInput } from '@/lib/addresses/address-schema'
import { parseCarrierRejection } from '@/lib/addresses/carrier-rejection'
import { blockingFields, checkWithFixes } from '@/lib/addresses/check-with-fixes'
import { toAddress } from '@/lib/addresses/to-address'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError, fromZodError, type FieldErrors } from '@/lib/errors'
import { Prisma, type OrderStatus } from '@/lib/generated/prisma/client'
import { REJECTABLE_STATUSES } from '@/lib/orders/address-blocked'
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-states'
import { announceAddressCheck } from '@/lib/webhooks/address-error-webhooks'
import { compareAndSetOrder, findFlowOrderOrThrow, pickFlowOrder, type FlowOrder } from './order-transition'
import { validateOrder } from './validate-order'
import type { Tx } from './with-outbox'

export type UpdateOrderAddressOptions = {
  merchantId: string
  reference: string
  /** The order version the edit was made on. */
  expectedVersion: number
  address: AddressInput
  /** Who edits: the audit records it with the address before and after. */
  actor: AuditActor
}

type Saved = { order: FlowOrder; address: Address }

export type UpdateOrderAddressResult =
  | (Saved & { outcome: 'validated'; syncTaskId: string | null })
  | (Saved & { outcome: 'address_errors'; issues: AddressIssue[]; fields: FieldErrors })

/** The 409 body's details: `reason` tells the UI which choice to offer. */
export type AddressConflictDetails =
  | { reason: 'stale'; yours: Address; theirs: Address | null; currentVersion: number }
  | { reason: 'not_editable'; status: OrderStatus }
  /** Saved, but validation was refused for another reason (Back Market still checking the payment). */
  | { reason: 'saved_not_validated'; currentVersion: number }

export async function updateOrderAddress(opts: UpdateOrderAddressOptions): Promise<UpdateOrderAddressResult> {
  const parsed = AddressSchema.safeParse(opts.address)
  if (!parsed.success) throw fromZodError(parsed.error, 'body')
  const yours = parsed.data
  const target = { merchantId: opts.merchantId, reference: opts.reference }

  const checked = checkWithFixes(yours)
  const { order, prepared } = await db.$transaction(async (tx) => {
    const found = await readEditable(tx, target)
    const prepared = found.status !== 'CREATED'
    const lift = checked.valid ? { carrierRejection: Prisma.DbNull, carrierRejectedAt: null, carrierRejectionLiftedAt: new Date() } : {}
    const check = { addressIssues: checked.issues.length > 0 ? (checked.issues as Prisma.InputJsonArray) : Prisma.DbNull, addressCheckedAt: new Date() }
    const data = prepared ? { ...lift, ...check } : lift
    const saved = await compareAndSetOrder(tx, { order: found, expectedVersion: opts.expectedVersion, data }).catch(async (err: unknown) => {
      // Someone saved first (another tab, a colleague, an import): show them what is saved now.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err
      throw staleError(yours, await readEditable(tx, target))
    })
    // A CREATED order gets its silent fixes from validateOrder below; a prepared one only here.
    const address = prepared ? checked.address : yours
    await tx.orderAddress.upsert({
      where: { orderId_kind: { orderId: found.id, kind: 'CURRENT' } },
      create: { orderId: found.id, kind: 'CURRENT', ...address },
      update: address,
    })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: opts.merchantId,
      action: 'order.address_updated',
      orderReference: found.reference,
      subject: { type: 'order', id: found.id },
      before: found.current,
      after: address,
    })
    // address_error.fixed when this edit lifts the last block (validateOrder announces its own check).
    const after = { addressIssues: prepared ? checked.issues : found.blockedBy.addressIssues, carrierRejection: checked.valid ? null : found.blockedBy.carrierRejection }
    await announceAddressCheck(tx, { order: saved, before: found.blockedBy, after, fields: blockingFields(checked.issues) })
    return { order: saved, prepared }
  })

  if (prepared) {
    const address = await currentAddress(order.id)
    if (checked.valid) return { outcome: 'validated', order, address, syncTaskId: null }
    return { outcome: 'address_errors', order, address, issues: checked.issues, fields: blockingFields(checked.issues) }
  }
  const result = await validateOrder({ ...target, expectedVersion: order.version }).catch(async (err: unknown) => {
    // The address is committed: whatever the refusal, give the version to carry on from.
    if (!(err instanceof AppError && err.code === 'conflict')) throw err
    const now = await db.$transaction((tx) => readEditable(tx, target))
    if (now.version !== order.version) throw staleError(yours, now)
    const details: AddressConflictDetails = { reason: 'saved_not_validated', currentVersion: now.version }
    throw new AppError('conflict', { message: err.message, userMessage: `Your address is saved, but the order could not be validated: ${err.userMessage}`, cause: err, details })
  })
  const address = await currentAddress(result.order.id)
  if (result.outcome === 'validated') return { outcome: 'validated', order: result.order, address, syncTaskId: result.task?.id ?? null }
  return { outcome: 'address_errors', order: result.order, address, issues: result.issues, fields: result.fields }
}

type Editable = FlowOrder & { current: Address | null; blockedBy: { addressIssues: unknown; carrierRejection: unknown } }

async function readEditable(tx: Tx, target: { merchantId: string; reference: string }): Promise<Editable> {
  const found = await findFlowOrderOrThrow(tx, target, { addresses: { where: { kind: 'CURRENT' } } })
  const awaitsNewAddress = parseCarrierRejection(found.carrierRejection) !== null && REJECTABLE_STATUSES.includes(found.status)
  if (found.status !== 'CREATED' && !awaitsNewAddress) {
    const details: AddressConflictDetails = { reason: 'not_editable', status: found.status }
    throw new AppError('conflict', {
      message: `order ${found.reference} is ${found.status}; its address can no longer be edited`,
      userMessage: `This order is already ${ORDER_STATUS_LABELS[found.status].toLowerCase()}: its address can no longer be changed here.`,
      details,
    })
  }
  const blockedBy = { addressIssues: found.addressIssues, carrierRejection: found.carrierRejection }
  return { ...pickFlowOrder(found), current: found.addresses[0] ? toAddress(found.addresses[0]) : null, blockedBy }
}

function staleError(yours: Address, now: Editable): AppError {
  const details: AddressConflictDetails = { reason: 'stale', yours, theirs: now.current, currentVersion: now.version }
  return new AppError('conflict', {
    message: `order ${now.reference} changed since the edit was made (now at version ${now.version})`,
    userMessage: 'Someone changed this order while you were editing. Compare the two addresses and choose which one to keep.',
    details,
  })
}

async function currentAddress(orderId: string): Promise<Address> {
  return toAddress(await db.orderAddress.findUniqueOrThrow({ where: { orderId_kind: { orderId, kind: 'CURRENT' } } }))
}
