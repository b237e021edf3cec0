// One call we made to Back Market, with Back Market's answer as received, for the merchant who
// opens it. Another merchant's attempt is "not found", exactly like one that does not exist.
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { SyncAttemptRawView } from './sync-attempt-view'

export async function getSyncAttemptOrThrow(opts: { merchantId: string; attemptId: string }): Promise<SyncAttemptRawView> {
  const a = await db.syncAttempt.findFirst({ where: { id: opts.attemptId, merchantId: opts.merchantId } })
  if (!a) throw new AppError('not_found', { userMessage: 'Sync attempt not found' })
  return {
    id: a.id,
    at: a.createdAt.toISOString(),
    method: a.method,
    path: a.path,
    requestSummary: a.requestSummary,
    httpStatus: a.httpStatus,
    outcome: a.outcome,
    errorKind: a.errorKind,
    message: a.message,
    bmError: a.bmError,
  }
}
