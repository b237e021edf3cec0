// Times in the connection views. Most are rendered on the server first (and again in the
// browser), so they are shown in UTC and say so: one text on both sides, never silently wrong.
import type { createFormatter } from 'next-intl'

type Formatter = ReturnType<typeof createFormatter>

/** "12 May, 10:42 UTC" / "12 mai, 10:42 UTC". */
export function formatWhen(format: Formatter, value: string | Date): string {
  return `${format.dateTime(new Date(value), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })} UTC`
}

/** "10:42:13 UTC": for what happens within minutes (the next automatic retry). */
export function formatClock(format: Formatter, value: string | Date): string {
  return `${format.dateTime(new Date(value), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })} UTC`
}
