// What every answer to a fuzz request must be. Precisely:
// - never a 5xx, with one exception: a 502 `bad_gateway` to a request that named one of the
//   merchant's real orders or issues — its input was valid, so Back Market (a closed port in
//   tests) had to be asked, and its being unreachable says nothing about our input handling;
// - a cross-site mutation: 403 `cross_site`; a Content-Length over the cap: 413; a non-JSON body
//   from our own page: 415 (the perimeter answers before anything else);
// - every 4xx is our error model's JSON, `{ error: { code, message } }` with the status of its
//   code, and names what is wrong: input refusals (400, 403, 413, 415, 422) carry `error.fields`,
//   a non-empty map from the field, `body`, `query`-level name or `origin` to non-empty messages;
//   answers about the state of a named row rather than the input's shape need no field: 404
//   `not_found` (another merchant's id must look exactly like a missing one), 409 `conflict`
//   (already dismissed, stale version), 429 `rate_limited` with Retry-After; 401 only with a
//   mangled cookie or API key, or from the sign-in route (wrong credentials). An /api/v1 request
//   carries a key of its scope and no origin rule (ADR 0009), so it is never "cross-site".
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors'
import type { FuzzRequest } from './requests'

export type FuzzAnswer = { status: number; headers: Headers; text: string }

type ErrorJson = { error?: { code?: unknown; message?: unknown; fields?: unknown } }

const INPUT_REFUSALS = new Set([400, 403, 413, 415, 422])

export function bmUnreachable(req: FuzzRequest, res: FuzzAnswer): boolean {
  return res.status === 502 && req.namesRealRow && !req.crossSite && !req.mangledCookie && errorCode(res) === 'bad_gateway'
}

/** Why the answer breaks the rules above, or null when it keeps them. */
export function judge(req: FuzzRequest, res: FuzzAnswer): string | null {
  const mutation = req.route.method !== 'GET'
  if (res.status >= 500) return bmUnreachable(req, res) ? null : `a ${res.status} (${errorCode(res) ?? res.text.slice(0, 80)})`
  // /api/v1 checks the key before the body: a broken key is a 401 whatever the body is.
  if (req.route.route.startsWith('/api/v1/') && req.mangledCookie && res.status === 401 && errorCode(res) === 'unauthorized') return null
  const perimeter = !mutation ? null : req.crossSite ? 403 : req.declaredHuge ? 413 : req.nonJsonBody ? 415 : null
  if (perimeter !== null && res.status !== perimeter) return `the perimeter should have answered ${perimeter}, not ${res.status}`
  if (perimeter === 403 && errorCode(res) !== 'cross_site') return `a cross-site refusal coded ${errorCode(res)}`
  if (res.status < 400) return null
  let json: ErrorJson
  try {
    json = JSON.parse(res.text) as ErrorJson
  } catch {
    return `a ${res.status} whose body is not JSON: ${res.text.slice(0, 80)}`
  }
  const { code, message, fields } = json.error ?? {}
  if (typeof code !== 'string' || !(code in ERROR_STATUS)) return `a ${res.status} with no error code of ours`
  if (ERROR_STATUS[code as ErrorCode] !== res.status) return `code ${code} with status ${res.status}`
  if (typeof message !== 'string' || message.trim() === '') return `a ${res.status} with no message`
  if (INPUT_REFUSALS.has(res.status)) return namesFields(fields) ? null : `a ${res.status} ${code} naming no field: ${message}`
  if (res.status === 404 && code === 'not_found') return null
  if (res.status === 409 && code === 'conflict') return null
  if (res.status === 429) return res.headers.get('retry-after') ? null : 'a 429 without Retry-After'
  if (res.status === 401 && (req.mangledCookie || req.route.name === 'POST /api/auth/login')) return null
  return `an unexpected ${res.status} ${code}: ${message}`
}

function namesFields(fields: unknown): boolean {
  if (fields === null || typeof fields !== 'object') return false
  const entries = Object.entries(fields)
  return (
    entries.length > 0 &&
    entries.every(([name, messages]) => name !== '' && Array.isArray(messages) && messages.length > 0 && messages.every((m) => typeof m === 'string' && m !== ''))
  )
}

function errorCode(res: FuzzAnswer): string | null {
  try {
    const code = (JSON.parse(res.text) as ErrorJson).error?.code
    return typeof code === 'string' ? code : null
  } catch {
    return null
  }
}
