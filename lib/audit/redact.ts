// The audit never holds a secret, whatever a caller puts in before/after: values under these keys
// are replaced, at any depth. Dates become ISO strings (JSON has none).
const SECRET_KEY = /token|secret|password|passwordhash|apikey|authorization|cookie/i

export const REDACTED = '[redacted]'

export function redactSecrets(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return value.map(redactSecrets)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, SECRET_KEY.test(k) ? REDACTED : redactSecrets(v)]),
    )
  }
  return value
}
