// The address check of an order that stays where it is (warehouse event order.received): the
// CURRENT address gets the silent fixes (saved), then the full check (lib/addresses'
// checkWithFixes), stored on the order so a blocked address reaches the Errors tab before anyone
// validates it. validate-order.ts runs the same check on its way to VALIDATED.
import 'server-only'
import type { AddressIssue } from '@/lib/addresses/address-issues'
import type { AutoFix } from '@/lib/addresses/auto-fix'
import { blockingFields, checkWithFixes } from '@/lib/addresses/check-with-fixes'
import { toAddress } from '@/lib/addresses/to-address'
import { AppError } from '@/lib/errors'
import { Prisma, type OrderAddress } from '@/lib/generated/prisma/client'
import { announceAddressCheck } from '@/lib/webhooks/address-error-webhooks'
import { compareAndSetOrder, findFlowOrderOrThrow, pickFlowOrder, type FlowOrder, type OrderTarget } from './order-transition'
import type { Tx } from './with-outbox'

export type AddressCheck = {
  valid: boolean
  fixes: AutoFix[]
  issues: AddressIssue[]
  /** The order columns that record the check. */
  checked: { addressIssues: Prisma.InputJsonArray | typeof Prisma.DbNull; addressCheckedAt: Date }
}

/** Fixes (saved) and checks the order's CURRENT address; the caller stores `checked` with its own write. */
export async function checkCurrentAddressIn(tx: Tx, order: { reference: string }, current: OrderAddress | undefined): Promise<AddressCheck> {
  if (!current) {
    throw new AppError('unprocessable', {
      message: `order ${order.reference} has no CURRENT address`,
      fields: { address: ['This order has no shipping address.'] },
    })
  }
  const { address, fixes, issues, valid } = checkWithFixes(toAddress(current))
  if (fixes.length > 0) await tx.orderAddress.update({ where: { id: current.id }, data: address })
  // Taken after the address write, so "address changed since the check" means a later edit.
  return { valid, fixes, issues, checked: { addressIssues: issues.length > 0 ? (issues as Prisma.InputJsonArray) : Prisma.DbNull, addressCheckedAt: new Date() } }
}

/** Checks and stores, without moving the order. */
export async function checkOrderAddressIn(tx: Tx, opts: OrderTarget & { merchantId: string }): Promise<AddressCheck & { order: FlowOrder }> {
  const found = await findFlowOrderOrThrow(tx, opts, { addresses: { where: { kind: 'CURRENT' } } })
  const check = await checkCurrentAddressIn(tx, found, found.addresses[0])
  const order = await compareAndSetOrder(tx, { order: pickFlowOrder(found), data: check.checked })
  // address_error.opened (or .fixed) when this check changes whether the address blocks the order.
  await announceAddressCheck(tx, { order, before: found, after: { addressIssues: check.issues, carrierRejection: found.carrierRejection }, fields: blockingFields(check.issues) })
  return { ...check, order }
}
