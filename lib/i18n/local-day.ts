// Calendar days in a person's zone, cut with Intl (the zone database the pages format with), not
// in SQL: the server and the browser agree on them, and a zone PostgreSQL does not know cannot
// fail a page. Used by the 7-day charts (lib/sync) and the audit's day filters (lib/audit).

const DAY_MS = 24 * 60 * 60 * 1000

export type LocalDays = {
  /** Oldest first; the last one is today in the zone. */
  days: string[]
  /** When each day starts (same order): a day's rows are those at or after its start and before the next's. */
  starts: Date[]
}

/** The last `days` calendar days in the zone, today included, and when each starts. */
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

/** A calendar day (YYYY-MM-DD) `n` days later (earlier when negative). */
export function addDays(day: string, n: number): string {
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
