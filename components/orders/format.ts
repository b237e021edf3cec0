// Display formats for order data in the reader's language, through next-intl's formatter
// (getFormatter on the server, useFormatter in client components). Dates are in the reader's zone
// (the formatter's: components/sync/format-time.ts says why) and name it.
import type { createFormatter } from 'next-intl'

export type Formatter = ReturnType<typeof createFormatter>

const DATE_TIME = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } as const

/** "Nov 26, 2026, 10:16 GMT+1" in English, "26 nov. 2026, 10:16 UTC+1" in French. */
export function formatDateTime(format: Formatter, value: Date | string | null | undefined): string {
  if (!value) return '—'
  return format.dateTime(new Date(value), DATE_TIME)
}

/** Amounts arrive as exact decimal strings; Intl only formats them for display ("€229.00", "229,00 €"). */
export function formatMoney(format: Formatter, amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—'
  if (!currency) return amount
  // Intl throws on a malformed currency code; show the raw values rather than nothing.
  if (!/^[A-Za-z]{3}$/.test(currency)) return `${amount} ${currency}`
  return format.number(Number(amount), { style: 'currency', currency })
}
