// Why a merchant closes an issue without a fix: one rule for the forms and the bulk route.
import { z } from 'zod'

export const DISMISS_REASON_MIN = 3
export const DISMISS_REASON_MAX = 500

export const DismissReasonSchema = z
  .string()
  .trim()
  .min(DISMISS_REASON_MIN, `Say why (at least ${DISMISS_REASON_MIN} characters)`)
  .max(DISMISS_REASON_MAX, `At most ${DISMISS_REASON_MAX} characters`)
