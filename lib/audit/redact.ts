// The audit never holds a secret, whatever a caller puts in before/after: values under these keys
// are replaced, at any depth. Dates become ISO strings (JSON has none).
const SECRET_KEY = /token|secret|password|passwordhash|apikey|authorization|cookie/i

export const REDACTED = '[redacted]'

// A lone UTF-16 surrogate (junk input can carry one into an address field) or a NUL (a vendor's
// answer can) is valid in a JS string, but PostgreSQL refuses its JSON escape in jsonb: the audit
// row, and with it the change, would fail. Either becomes U+FFFD.
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g

export function redactSecrets(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD')
  if (Array.isArray(value)) return value.map(redactSecrets)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : redactSecrets(v)]),
    )
  }
  return value
}
