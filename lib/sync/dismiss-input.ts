// What the dismiss routes accept and answer, for the forms and both routes alike: why a merchant
// closes an issue without a fix, written once. Free prose, so tabs and line breaks may stay; other
// control characters may not. zod/mini: the dismiss form ships this schema to the browser.
import * as z from 'zod/mini'
import { plainTextMini } from '@/lib/input/plain-text-mini'
import { BULK_DISMISS_MAX, DISMISS_REASON_MAX, DISMISS_REASON_MIN } from './dismiss-limits'
import type { Refusal } from './refusals'

export const DismissReasonSchema = plainTextMini({ multiline: true }).check(
  z.trim(),
  z.minLength(DISMISS_REASON_MIN, `Say why (at least ${DISMISS_REASON_MIN} characters)`),
  z.maxLength(DISMISS_REASON_MAX, `At most ${DISMISS_REASON_MAX} characters`),
)

/** POST /api/sync-issues/[id]/dismiss */
export const DismissBodySchema = z.object({ reason: DismissReasonSchema })

/** POST /api/sync-issues/dismiss */
export const BulkDismissBodySchema = z.strictObject({ issueIds: z.array(z.uuid()).check(z.minLength(1), z.maxLength(BULK_DISMISS_MAX)), reason: DismissReasonSchema })

/** One issue's outcome in a bulk dismiss. `error` is the English reason; `refusal` (when known) says it in the merchant's language. */
export type BulkDismissResult = { issueId: string; dismissed: boolean; error: string | null; refusal?: Refusal | null }
