// Times as people read them: in their own zone — next-intl's, which the request carries (the bm_tz
// cookie, i18n/request.ts) and NextIntlClientProvider hands to the browser, so the server's first
// render and the browser's agree to the character — with the zone's short name beside any time
// of day ("10:42 GMT+1", "10:42 UTC"), since a support call may compare it with someone else's.
import type { createFormatter } from 'next-intl'

export type Formatter = ReturnType<typeof createFormatter>

/** "Dec 12, 10:42 GMT+1" / "12 déc., 10:42 UTC+1". */
export function formatWhen(format: Formatter, value: string | Date): string {
  return format.dateTime(new Date(value), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })
}

/** "10:42:13 GMT+1": for what happens within minutes (the next automatic retry, a live read). */
export function formatClock(format: Formatter, value: string | Date): string {
  return format.dateTime(new Date(value), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })
}

/** "Dec 8, 2026, 09:42 UTC": a date that may be in another year (an expiry, a last sign-in). */
export function formatWhenWithYear(format: Formatter, value: string | Date): string {
  return format.dateTime(new Date(value), { year: 'numeric', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })
}

/** "Dec 8, 2026, 09:42:13 UTC": a record's exact moment (an audit row, an order's timeline), to the second. */
export function formatWhenToSecond(format: Formatter, value: string | Date): string {
  return format.dateTime(new Date(value), { year: 'numeric', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })
}
