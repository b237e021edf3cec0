// A webhook URL as the permanent audit keeps it. Merchants put secrets in query strings
// (?token=…, ?sig=…) and in the URL's user info; the audit outlives any rotation of them, so it
// records the origin and path, and each query parameter by name with its value kept only when
// the name does not look secret. The endpoint row keeps the full URL (it is where we deliver).
import { REDACTED } from '@/lib/audit/redact'

const SECRET_PARAM = /token|secret|sig|key|pass|pwd|auth|code|session|credential|jwt|hmac|hash|nonce|ticket/i

export function auditUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    // Endpoints are validated as URLs; anything else is not kept at all.
    return REDACTED
  }
  const params = [...url.searchParams.keys()].map((name) => [name, SECRET_PARAM.test(name) ? REDACTED : (url.searchParams.get(name) ?? '')] as const)
  const query = params.length ? `?${params.map(([k, v]) => `${encodeURIComponent(k)}=${v === REDACTED ? v : encodeURIComponent(v)}`).join('&')}` : ''
  return `${url.origin}${url.pathname}${query}`
}
