// Display formats for order data in the merchant's language, through next-intl's formatter
// (getFormatter on the server, useFormatter in client components). Server-rendered dates are
// shown in UTC and say so: the server cannot know the viewer's time zone, and an unlabelled time
// would be silently wrong.
import type { createFormatter } from 'next-intl'

export type Formatter = ReturnType<typeof createFormatter>

const DATE_TIME_UTC = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' } as const

/** "26 Nov 2026, 09:16 UTC" in English, "26 nov. 2026, 09:16 UTC" in French. */
export function formatDateTime(format: Formatter, value: Date | string | null | undefined): string {
  if (!value) return '—'
  return `${format.dateTime(new Date(value), DATE_TIME_UTC)} UTC`
}

/** HH:MM:SS in the viewer's own time zone (client components only). */
export function formatClockTime(format: Formatter, value: Date | string): string {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return format.dateTime(new Date(value), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone })
}

/** Amounts arrive as exact decimal strings; Intl only formats them for display ("€229.00", "229,00 €"). */
export function formatMoney(format: Formatter, amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—'
  if (!currency) return amount
  // Intl throws on a malformed currency code; show the raw values rather than nothing.
  if (!/^[A-Za-z]{3}$/.test(currency)) return `${amount} ${currency}`
  return format.number(Number(amount), { style: 'currency', currency })
}
