// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. BM does not document sending it
// (docs/backmarket.md §1.10) but Cloudflare and the sandbox may; without it the caller picks its own back-off.

/** Milliseconds to wait, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined
  const v = value.trim()
  if (v === '') return undefined
  if (/^\d+(?:\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000)
  // Only accept something that looks like a date: Date.parse would also take "3 apples".
  if (!/[a-z]{3}/i.test(v)) return undefined
  const at = Date.parse(v)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}
