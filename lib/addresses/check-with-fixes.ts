// What the warehouse does to an address before it trusts it: the silent fixes of
// docs/backmarket.md §2.4 first, then the full check of what they leave. One function for every
// caller that stores a check (validating an order, importing it, the merchant's fix after a
// carrier's refusal), so the Errors tab shows the same verdict whichever wrote it.
import type { AddressIssue } from './address-issues'
import type { Address } from './address-schema'
import { autoFix, type AutoFix } from './auto-fix'
import { checkAddress } from './check-address'

export type CheckedAddress<A extends Address> = {
  /** The address after the silent fixes: what to save. */
  address: A
  fixes: AutoFix[]
  issues: AddressIssue[]
  /** False when any issue is an error. */
  valid: boolean
}

export function checkWithFixes<A extends Address>(address: A): CheckedAddress<A> {
  const { address: fixed, applied } = autoFix(address)
  const { valid, issues } = checkAddress(fixed)
  return { address: fixed, fixes: applied, issues, valid }
}

/** The blocking issues' messages by field, ready for a 422 with field errors. */
export function blockingFields(issues: readonly AddressIssue[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of issues) if (issue.severity === 'error') (fields[issue.field] ??= []).push(issue.message)
  return fields
}
