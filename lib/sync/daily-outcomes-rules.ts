// The chart's calendar, apart from the query so it can be tested without a database: which local
// days "the last N days" are for a person in a given zone, and the instant each of them starts.
// The days are cut here with Intl (the zone database the pages format with), not in SQL: the
// server and the browser agree on them, and a zone PostgreSQL does not know cannot fail a page.
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

export type LocalDays = {
  /** Oldest first; the last one is today in the zone. */
  days: string[]
  /** When each day starts (same order): a day's updates are those at or after its start and before the next's. */
  starts: Date[]
}

const DAY_MS = 24 * 60 * 60 * 1000

export function localDays(opts: { now: Date; timeZone: string; days: number }): LocalDays {
  const today = localDate(opts.now, opts.timeZone)
  const days = Array.from({ length: opts.days }, (_, i) => addDays(today, i - opts.days + 1))
  return { days, starts: days.map((d) => startOfLocalDay(d, opts.timeZone)) }
}

/** The calendar date an instant falls on in a zone, YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  const parts = wallClock(at, timeZone)
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`
}

/**
 * The first instant of a local calendar day. Usually its midnight, but a zone may skip midnight
 * (a daylight-saving jump at 00:00: the day starts at 01:00) or live it twice (the earlier one
 * starts the day). Each offset the zone uses around that day gives one candidate; the earliest
 * that falls on the day is its start.
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00.000Z`)
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((d) => offsetAt(new Date(wall + d), timeZone)))
  const candidates = [...offsets].map((o) => wall - o).filter((t) => localDate(new Date(t), timeZone) === day)
  if (candidates.length === 0) throw new Error(`no start found for ${day} in ${timeZone}`)
  return new Date(Math.min(...candidates))
}

/** Zeros for every day, then the counted rows added: a quiet day is a day, not a gap. */
export function emptyOutcomes(days: string[]): DailyOutcome[] {
  return days.map((day) => ({ day, parcelUpdate: { failed: 0, recovered: 0 }, stockUpdate: { failed: 0, recovered: 0 } }))
}

export function flowKey(operation: SyncOperation): 'parcelUpdate' | 'stockUpdate' {
  const flow: SyncFlow = flowOf(operation)
  return flow === 'parcel_update' ? 'parcelUpdate' : 'stockUpdate'
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** How far the zone's clock is ahead of UTC at that instant, in ms. */
function offsetAt(at: Date, timeZone: string): number {
  const p = wallClock(at, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function wallClock(at: Date, timeZone: string) {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  const n: Record<string, number> = {}
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') n[part.type] = Number(part.value)
  return { year: n.year!, month: n.month!, day: n.day!, hour: n.hour!, minute: n.minute!, second: n.second! }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
