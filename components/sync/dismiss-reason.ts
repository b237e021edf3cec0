// Why a merchant closes an issue without a fix: one rule for the forms and both dismiss routes.
// Free prose, so tabs and line breaks may stay; other control characters may not.
import { plainText } from '@/lib/input/plain-text'

export const DISMISS_REASON_MIN = 3
export const DISMISS_REASON_MAX = 500

export const DismissReasonSchema = plainText({ multiline: true })
  .trim()
  .min(DISMISS_REASON_MIN, `Say why (at least ${DISMISS_REASON_MIN} characters)`)
  .max(DISMISS_REASON_MAX, `At most ${DISMISS_REASON_MAX} characters`)
