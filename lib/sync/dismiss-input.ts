// What the dismiss routes accept and answer, for the forms and both routes alike: why a merchant
// closes an issue without a fix, written once. Free prose, so tabs and line breaks may stay; other
// control characters may not.
import { z } from 'zod'
import { plainText } from '@/lib/input/plain-text'
import type { Refusal } from './refusals'

export const DISMISS_REASON_MIN = 3
export const DISMISS_REASON_MAX = 500
/** Issues one bulk dismiss may name. */
export const BULK_DISMISS_MAX = 500

export const DismissReasonSchema = plainText({ multiline: true })
  .trim()
  .min(DISMISS_REASON_MIN, `Say why (at least ${DISMISS_REASON_MIN} characters)`)
  .max(DISMISS_REASON_MAX, `At most ${DISMISS_REASON_MAX} characters`)

/** POST /api/sync-issues/[id]/dismiss */
export const DismissBodySchema = z.object({ reason: DismissReasonSchema })

/** POST /api/sync-issues/dismiss */
export const BulkDismissBodySchema = z.object({ issueIds: z.array(z.uuid()).min(1).max(BULK_DISMISS_MAX), reason: DismissReasonSchema }).strict()

/** One issue's outcome in a bulk dismiss. `error` is the English reason; `refusal` (when known) says it in the merchant's language. */
export type BulkDismissResult = { issueId: string; dismissed: boolean; error: string | null; refusal?: Refusal | null }
