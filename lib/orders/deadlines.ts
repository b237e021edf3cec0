// Back Market's cut-offs for an order and the time left before them, each with where it comes from,
// so the Errors tab can say how urgent a fix is and why we think so.
//
// - Shipping: Back Market's `expected_dispatch_date` when the order has one [C: Order schema], else
//   the order date plus the orderlines' `shipping_delay` (hours) [C: OrderLine schema]; the
//   strictest line wins, because the order ships as one parcel.
// - Acceptance: Back Market documents NO acceptance deadline (docs/backmarket.md §1.6; none in S1 or the help
//   pages). We assume ACCEPTANCE_WINDOW_HOURS after payment (after placement when the payment date
//   is missing) and the UI says it is an assumption. Change the constant if a source turns up.
// Pure: `now` is a parameter.

/** ASSUMPTION, not a Back Market rule: hours after payment within which a sale must be accepted. */
export const ACCEPTANCE_WINDOW_HOURS = 48

/** Less time left than this and a cut-off is "due soon". */
export const DUE_SOON_HOURS = 12

const HOUR_MS = 3_600_000

export type DeadlineInput = {
  placedAt: Date | null
  /** Back Market's `date_payment`. */
  paidAt: Date | null
  /** Back Market's `expected_dispatch_date`. */
  expectedDispatchAt: Date | null
  /** Each orderline's `shipping_delay`, in hours. */
  shippingDelaysHours: number[]
  /** Some line is still "to accept" on Back Market (line state 1), as last synced. */
  awaitingAcceptance: boolean
}

export type Cutoff =
  | { kind: 'shipping'; at: Date; source: 'expected_dispatch_date' }
  | { kind: 'shipping'; at: Date; source: 'shipping_delay'; hours: number }
  | { kind: 'acceptance'; at: Date; source: 'assumed'; hours: number; from: 'date_payment' | 'date_creation' }

export type Urgency = 'overdue' | 'due_soon' | 'upcoming' | 'unknown'

export type OrderDeadlines = {
  /** While a line awaits acceptance, the acceptance cut-off is pending too. */
  awaitingAcceptance: boolean
  acceptance: Cutoff | null
  shipping: Cutoff | null
  /** The cut-off that applies now: the earliest one still ahead in the flow (acceptance only until accepted). */
  applies: Cutoff | null
  /** Until `applies`; negative when overdue; null when no cut-off is known. */
  msLeft: number | null
  urgency: Urgency
  /** 0 = most urgent; sorts like `urgency`. */
  urgencyRank: number
}

const URGENCY_RANK: Record<Urgency, number> = { overdue: 0, due_soon: 1, upcoming: 2, unknown: 3 }

export function shippingCutoff(input: DeadlineInput): Cutoff | null {
  if (input.expectedDispatchAt) return { kind: 'shipping', at: input.expectedDispatchAt, source: 'expected_dispatch_date' }
  const delays = input.shippingDelaysHours.filter((h) => Number.isFinite(h) && h > 0)
  if (!input.placedAt || delays.length === 0) return null
  const hours = Math.min(...delays)
  return { kind: 'shipping', at: new Date(input.placedAt.getTime() + hours * HOUR_MS), source: 'shipping_delay', hours }
}

export function acceptanceCutoff(input: DeadlineInput): Cutoff | null {
  const from = input.paidAt ? 'date_payment' : 'date_creation'
  const start = input.paidAt ?? input.placedAt
  if (!start) return null
  const hours = ACCEPTANCE_WINDOW_HOURS
  return { kind: 'acceptance', at: new Date(start.getTime() + hours * HOUR_MS), source: 'assumed', hours, from }
}

export function orderDeadlines(input: DeadlineInput, now: Date): OrderDeadlines {
  const acceptance = acceptanceCutoff(input)
  const shipping = shippingCutoff(input)
  // Accepting late is moot once the parcel is late too: whichever pending cut-off comes first applies.
  const pending = [input.awaitingAcceptance ? acceptance : null, shipping].filter((c): c is Cutoff => c !== null)
  const applies = pending.reduce<Cutoff | null>((first, c) => (first === null || c.at < first.at ? c : first), null)
  const msLeft = applies ? applies.at.getTime() - now.getTime() : null
  const urgency: Urgency = msLeft === null ? 'unknown' : msLeft < 0 ? 'overdue' : msLeft < DUE_SOON_HOURS * HOUR_MS ? 'due_soon' : 'upcoming'
  return { awaitingAcceptance: input.awaitingAcceptance, acceptance, shipping, applies, msLeft, urgency, urgencyRank: URGENCY_RANK[urgency] }
}

/** Soonest cut-off first (overdue ones lead); orders with no known cut-off last. */
export function compareByUrgency(a: OrderDeadlines, b: OrderDeadlines): number {
  if (a.applies && b.applies) return a.applies.at.getTime() - b.applies.at.getTime()
  return (a.applies ? 0 : 1) - (b.applies ? 0 : 1)
}
