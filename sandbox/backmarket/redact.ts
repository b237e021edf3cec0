// What the request log may keep: the control API serves it over HTTP, so credentials are
// replaced before they are stored, never at read time.
import { createHash } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

export const REDACTED = '[redacted]'
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie'])
const CREDENTIAL_KEY = /token|authorization|password|secret|api[-_]?key/i

/** Tells one token's requests from another's without storing the token: SHA-256, 12 hex digits. */
export function tokenId(token: string | null): string | null {
  return token === null ? null : createHash('sha256').update(token).digest('hex').slice(0, 12)
}

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name] = CREDENTIAL_HEADERS.has(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/** A JSON body with the value of every credential-like key replaced, at any depth. */
export function redactBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactBody)
  if (body === null || typeof body !== 'object') return body
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, CREDENTIAL_KEY.test(k) ? REDACTED : redactBody(v)]))
}
