// Display formats for order data. Server-rendered dates are shown in UTC and say so: the server
// cannot know the viewer's time zone, and an unlabelled time would be silently wrong.

const dateTimeUtc = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
})

const dateUtc = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '—'
  return `${dateTimeUtc.format(new Date(value))} UTC`
}

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '—'
  return dateUtc.format(new Date(value))
}

/** HH:MM:SS in the viewer's own time zone (client components only). */
export function formatClockTime(value: Date | string): string {
  return new Date(value).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
}

/** Amounts arrive as exact decimal strings; Intl only formats them for display. */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—'
  if (!currency) return amount
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(Number(amount))
  } catch {
    return `${amount} ${currency}`
  }
}
