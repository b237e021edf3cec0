// The chart's rules, apart from the query so they can be tested without a database. Which local
// days "the last N days" are, and when each starts, is lib/i18n/local-day.ts (the audit's day
// filters cut days the same way).
import { flowOf, type SyncFlow } from './connection-health-rules'
import type { SyncOperation } from '@/lib/generated/prisma/enums'

/** One local day of one merchant's updates to Back Market, per flow (see daily-outcomes.ts). */
export type DailyOutcome = {
  /** The calendar day in the reader's zone, YYYY-MM-DD. */
  day: string
  parcelUpdate: FlowOutcome
  stockUpdate: FlowOutcome
}
export type FlowOutcome = { failed: number; recovered: number }

export const DAILY_OUTCOME_DAYS = 7

/** Zeros for every day, then the counted rows added: a quiet day is a day, not a gap. */
export function emptyOutcomes(days: string[]): DailyOutcome[] {
  return days.map((day) => ({ day, parcelUpdate: { failed: 0, recovered: 0 }, stockUpdate: { failed: 0, recovered: 0 } }))
}

export function flowKey(operation: SyncOperation): 'parcelUpdate' | 'stockUpdate' {
  const flow: SyncFlow = flowOf(operation)
  return flow === 'parcel_update' ? 'parcelUpdate' : 'stockUpdate'
}
