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

/** An API error's sentence for the merchant: its refusal in their language, else its message. */
export function apiErrorText(err: Error, t: Translator): string {
  return refusalText(refusalOfError(err), err.message, t)
}
