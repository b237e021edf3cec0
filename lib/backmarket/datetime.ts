// Back Market date-times: we read whatever real payloads carry and write strict RFC 3339.
//
// Observed in payloads: `…Z`, `…+01:00`, microseconds (`.123456Z`), and the spec's own example
// for expected_dispatch_date has no offset at all. Filters also accept `YYYY-MM-DD HH:MM:SS`.
const BM_DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i

/** Parses a Back Market date-time; a value without offset is taken as UTC [I: not documented]. */
export function parseBmDateTime(value: string): Date | null {
  const m = BM_DATETIME.exec(value.trim())
  if (!m) return null
  const [, date, time = '00:00:00', offset = 'Z'] = m
  const normalisedOffset = offset.toUpperCase() === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')
  const d = new Date(`${date}T${time}${normalisedOffset}`)
  return Number.isNaN(d.getTime()) ? null : d
}

/**
 * RFC 3339 in UTC with whole seconds, as in BM's filter example `2014-06-24T12:55:57Z`.
 * Truncating (not rounding) keeps a lower-bound filter inclusive of the instant asked for:
 * re-reading an order is harmless, missing one is not.
 */
export function formatBmDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('formatBmDateTime: invalid Date')
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
