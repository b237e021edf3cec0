// The merchant whose data a key may read. Only merchant keys carry the sync scopes, so a key
// without a merchant reaching a merchant operation is a key created wrong: refused, never widened
// to "every merchant".
import { AppError } from '@/lib/errors'
import type { V1Principal } from '@/lib/api-v1/principal'

export function merchantOf(principal: V1Principal): string {
  if (principal.merchantId === null) {
    throw new AppError('forbidden', { message: `api key ${principal.keyId} has no merchant`, userMessage: 'This API key does not belong to a merchant.' })
  }
  return principal.merchantId
}
