// What a merchant watching a re-sync sees: where the task is (queued → sent → accepted by Back
// Market → verified by read-back, or failed with the reason and whether a retry can help).
import 'server-only'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { SyncOperation, SyncTaskStatus } from '@/lib/generated/prisma/enums'
import { parseStoredPreflight, type PreflightVerdict } from './preflight-rules'
import { failureTextOf, type StoredFailureText } from './failure-text'

export type SyncStatusView = {
  id: string
  operation: SyncOperation
  flow: 'parcel_update' | 'stock_update'
  reference: string | null
  sku: string | null
  status: Lowercase<SyncTaskStatus>
  done: boolean
  attempts: number
  nextAttemptAt: string | null
  /** `message` is the English text as recorded; `code`/`params` say it in the merchant's language. */
  failure: ({ kind: string; message: string } & Partial<StoredFailureText>) | null
  preflight: PreflightVerdict | null
  createdAt: string
  sentAt: string | null
  acceptedAt: string | null
  verifiedAt: string | null
  finishedAt: string | null
  calls: { at: string; method: string; path: string; httpStatus: number | null; outcome: string; message: string | null; durationMs: number }[]
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export async function getSyncStatusOrThrow(opts: { merchantId: string; id: string }): Promise<SyncStatusView> {
  const task = await db.syncTask.findFirst({
    where: { id: opts.id, merchantId: opts.merchantId },
    include: { order: { select: { reference: true } }, attemptsLog: { orderBy: { createdAt: 'desc' }, take: 10 } },
  })
  if (!task) throw new AppError('not_found', { userMessage: 'Sync not found' })
  return {
    id: task.id,
    operation: task.operation,
    flow: task.operation === 'STOCK' ? 'stock_update' : 'parcel_update',
    reference: task.order?.reference ?? null,
    sku: task.sku,
    status: task.status.toLowerCase() as Lowercase<SyncTaskStatus>,
    done: task.finishedAt !== null,
    attempts: task.attempts,
    nextAttemptAt: iso(task.nextAttemptAt),
    failure: task.failureKind && task.failureMessage
      ? { kind: task.failureKind, message: task.failureMessage, ...failureTextOf({ message: task.failureMessage, code: task.failureCode, params: task.failureParams }) }
      : null,
    preflight: parseStoredPreflight(task.preflight),
    createdAt: task.createdAt.toISOString(),
    sentAt: iso(task.sentAt),
    acceptedAt: iso(task.acceptedAt),
    verifiedAt: iso(task.verifiedAt),
    finishedAt: iso(task.finishedAt),
    calls: task.attemptsLog.map((a) => ({
      at: a.createdAt.toISOString(),
      method: a.method,
      path: a.path,
      httpStatus: a.httpStatus,
      outcome: a.outcome,
      message: a.message,
      durationMs: a.durationMs,
    })),
  }
}
