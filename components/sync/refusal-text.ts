// Why a re-sync or a dismiss was refused, in the merchant's language (messages
// connection.refusals), from the refusal the API gave beside its English message; an answer
// without one (another kind of error, an older server) shows its message as it came.
import { ApiError } from '@/components/api/api-client'
import type { Refusal } from '@/lib/sync/refusals'
import type { Translator } from './preflight-text'

export function refusalText(refusal: Refusal | null | undefined, fallback: string, t: Translator): string {
  return refusal && t.has(refusal.code) ? t(refusal.code, refusal.params) : fallback
}

/** The refusal an API error carries (`error.details.refusal`), if any. */
export function refusalOfError(err: Error): Refusal | null {
  if (!(err instanceof ApiError)) return null
  const r = (err.details as { refusal?: Refusal } | null | undefined)?.refusal
  return r && typeof r.code === 'string' ? { code: r.code, params: r.params ?? {} } : null
}

/**
 * Codes whose English message says nothing the code does not (lib/errors.ts): said in the
 * merchant's language instead (common.apiErrors). A conflict or an unprocessable request keeps
 * its own message unless it carries a refusal: those say specific things.
 */
const GENERIC_CODES = new Set(['bad_request', 'unauthorized', 'forbidden', 'cross_site', 'not_found', 'payload_too_large', 'unsupported_media_type', 'rate_limited', 'internal', 'bad_gateway', 'http_error'])

/** An API error's sentence for the merchant: its refusal or its code in their language, else its message. */
export function apiErrorText(err: Error, t: { refusals: Translator; apiErrors: Translator }): string {
  // fetch() itself failed (offline, connection reset): the browser's English words say nothing more.
  if (err instanceof TypeError) return t.apiErrors('network')
  const refusal = refusalOfError(err)
  if (refusal && t.refusals.has(refusal.code)) return t.refusals(refusal.code, refusal.params)
  if (err instanceof ApiError && GENERIC_CODES.has(err.code) && t.apiErrors.has(err.code)) return t.apiErrors(err.code)
  return err.message
}
