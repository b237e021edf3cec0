// address_error.opened / address_error.fixed: fired on the transitions of "this order's address
// blocks it", from our checks (blocking issues) or a carrier's refusal, never on every re-check.
// The callers (validation, the import's check, a carrier's refusal, the merchant's edit) read the
// order before their write and pass what it was and what it becomes, in their transaction.
import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { parseCarrierRejection } from '@/lib/addresses/carrier-rejection'
import { emitWebhookEvent } from './emit'

type AddressState = { addressIssues: unknown; carrierRejection: unknown }

/** Stored issues (JSON) with at least one of severity "error", or a carrier's refusal. */
export function isAddressBlocked(state: AddressState): boolean {
  const issues = Array.isArray(state.addressIssues) ? (state.addressIssues as { severity?: unknown }[]) : []
  return issues.some((i) => i?.severity === 'error') || (state.carrierRejection !== null && state.carrierRejection !== undefined)
}

export function addressErrorTransition(before: AddressState, after: AddressState): 'opened' | 'fixed' | null {
  const was = isAddressBlocked(before)
  const is = isAddressBlocked(after)
  if (!was && is) return 'opened'
  return was && !is ? 'fixed' : null
}

export async function announceAddressCheck(
  tx: Prisma.TransactionClient,
  opts: { order: { merchantId: string; reference: string }; before: AddressState; after: AddressState; fields?: Record<string, string[]>; now?: Date },
): Promise<void> {
  const change = addressErrorTransition(opts.before, opts.after)
  const order = { reference: opts.order.reference }
  const { merchantId } = opts.order
  if (change === 'opened') {
    const carrierRejection = parseCarrierRejection(opts.after.carrierRejection)
    await emitWebhookEvent(tx, { merchantId, type: 'address_error.opened', data: { order, fields: opts.fields ?? {}, carrierRejection }, now: opts.now })
  } else if (change === 'fixed') {
    await emitWebhookEvent(tx, { merchantId, type: 'address_error.fixed', data: { order }, now: opts.now })
  }
}
