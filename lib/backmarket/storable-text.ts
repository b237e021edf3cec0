// Back Market's answers are kept (a task's attempts, its issue, the token refusal, the audit) in
// PostgreSQL, which refuses a NUL character in text and its \u0000 escape in jsonb, and a lone
// UTF-16 surrogate's escape in jsonb: one such character in an error body would make the record —
// and the run that writes it — fail. Both become U+FFFD, the replacement character, when the
// answer is read, so everything downstream holds storable text.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function storableText(s: string): string {
  return s.replace(UNSTORABLE, '\uFFFD')
}

/** The same, at any depth of a parsed JSON value (keys included). */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value)
  if (Array.isArray(value)) return value.map(storableJson)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storableJson(v)]))
  return value
}
