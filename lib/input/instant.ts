// An instant from outside (a cursor, a warehouse event's time), as every input schema takes it:
// RFC 3339 with an offset, in a year PostgreSQL's timestamp and JavaScript's ISO output both hold.
// z.iso.datetime() alone accepts year 0000, which the query then failed on: a 500, not a 400.
// Client-safe: no server imports.
import { z } from 'zod'

/** The years an instant may fall in, in UTC (an offset can move 0001-01-01 into year 0). */
export const INSTANT_YEARS = { min: 1, max: 9999 } as const

export const INSTANT_MESSAGE = `Must be an RFC 3339 date-time in the years ${INSTANT_YEARS.min} to ${INSTANT_YEARS.max}, e.g. 2026-12-06T09:30:00Z`

function inYears(value: string): boolean {
  const year = new Date(value).getUTCFullYear()
  return year >= INSTANT_YEARS.min && year <= INSTANT_YEARS.max
}

/** An RFC 3339 date-time with offset (`Z` or `±hh:mm`) whose UTC year is 1..9999; `error` replaces the message. */
export function instant(opts: { error?: string } = {}) {
  const error = opts.error ?? INSTANT_MESSAGE
  // abort: a string that is no date-time at all gets one message, not a second from the year check.
  return z.iso.datetime({ offset: true, error, abort: true }).refine(inYears, { error })
}
