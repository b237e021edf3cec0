// Why we refuse a merchant's re-sync or dismiss, as a code and its facts that the dashboard says
// in the merchant's language (messages connection.refusals). The English sentence stays the
// API's message, for any other client.
import { AppError } from '@/lib/errors'

const ENGLISH = {
  not_validated_address_errors: () =>
    'This order is not validated: its address has errors. Fix it in the Errors tab; validation then accepts the sale on Back Market.',
  not_validated: () => 'This order is not validated by the warehouse yet; its sale is accepted on Back Market when it is.',
  cancelled: () => 'This order is cancelled: there is nothing to send to Back Market.',
  no_tracking_number: () => 'This order has no tracking number yet, so it cannot be shipped on Back Market.',
  issue_closed: (p: Record<string, string>) => `This issue is already ${p.status}.`,
} satisfies Record<string, (params: Record<string, string>) => string>

export type RefusalCode = keyof typeof ENGLISH
export const REFUSAL_CODES = Object.keys(ENGLISH) as RefusalCode[]
export type Refusal = { code: RefusalCode; params: Record<string, string> }

/** A 409 whose details carry the refusal (`details.refusal`) beside any other facts. */
export function refusalError(code: RefusalCode, opts: { params?: Record<string, string>; details?: Record<string, unknown> } = {}): AppError {
  const params = opts.params ?? {}
  return new AppError('conflict', { userMessage: ENGLISH[code](params), details: { ...opts.details, refusal: { code, params } } })
}

export function refusalOf(err: AppError): Refusal | null {
  const r = (err.details as { refusal?: Refusal } | undefined)?.refusal
  return r && r.code in ENGLISH ? r : null
}
