// The order Back Market takes an order's steps in (docs/backmarket.md §1.6), as a rule: which
// pending step of the same order must reach Back Market before this one.
//   ACCEPT (line 1 → 2) comes first.
//   A cancellation before shipping (4: line 1 → 4; 5: line 2 → 5) goes before the SHIP: new_state 3
//   moves every open line at once and is refused while one is still "to accept"; a refund before
//   shipping (5) needs the line accepted first.
//   SHIP (every open line → 3) then.
//   A refund after shipping (6: line 3 → 6) goes last.
import type { SyncOperation } from '@/lib/generated/prisma/enums'

export type Step = { operation: SyncOperation; payload: unknown }

/** new_state of a CANCEL step, as its payload says (4, 5 or 6); null when the payload does not say. */
function cancelState(payload: unknown): number | null {
  const state = typeof payload === 'object' && payload !== null ? (payload as { newState?: unknown }).newState : undefined
  return typeof state === 'number' ? state : null
}

/** Where a step stands in Back Market's order; steps of one rank do not wait for each other. */
function rank(step: Step): number | null {
  switch (step.operation) {
    case 'ACCEPT':
      return 0
    case 'CANCEL':
      // A refund after shipping last; any other cancellation before the parcel leaves.
      return cancelState(step.payload) === 6 ? 3 : 1
    case 'SHIP':
      return 2
    case 'STOCK':
      return null
  }
}

/** Whether `step` must wait while `other`, a pending step of the same order, has not reached Back Market. */
export function mustWaitFor(step: Step, other: Step): boolean {
  const mine = rank(step)
  const theirs = rank(other)
  if (mine === null || theirs === null) return false
  // A cancellation before acceptance (4) needs no ACCEPT: accepting leaves cancelled lines out.
  if (step.operation === 'CANCEL' && cancelState(step.payload) === 4 && other.operation === 'ACCEPT') return false
  return theirs < mine
}
