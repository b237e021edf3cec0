// A sync task of a merchant Back Market cannot be told about — no token (never connected, or
// disconnected), or a token Back Market refuses — waits instead of failing: QUEUED with no next
// attempt, which the sweeper leaves alone (it looks only at tasks overdue on nextAttemptAt), and
// resume-held-tasks.ts puts back in the queue once a token is saved or accepted again.
//
// A hold and a resume can cross: the run reads the merchant (no token), the admin saves one and
// the resume scans for held tasks, then the hold lands — held forever on a connected merchant.
// So every hold that lands reads the merchant again and lets go of the task itself if it may run.
import 'server-only'
import { db } from '@/lib/db'
import type { SyncTask } from '@/lib/generated/prisma/client'
import { releaseIfConnected } from '../enqueue-sync-task'

export type TaskMerchant = { id: string; bmTokenEncrypted: string | null; bmMarket: string; bmTokenRefusedAt: Date | null }

/** Whether the merchant's connection holds the task; if so the task is left waiting. */
export async function holdTaskForConnection(task: Pick<SyncTask, 'id' | 'status' | 'attempts'>, merchant: TaskMerchant): Promise<boolean> {
  if (merchant.bmTokenEncrypted !== null && merchant.bmTokenRefusedAt === null) return false
  // A compare-and-set on what the run saw: a run that took the task meanwhile keeps it.
  const { count } = await db.syncTask.updateMany({
    where: { id: task.id, status: task.status, attempts: task.attempts },
    data: { status: 'QUEUED', nextAttemptAt: null },
  })
  if (count === 1) await releaseIfConnected({ taskId: task.id, merchantId: merchant.id })
  return true
}

/**
 * Back Market answered 401 to a run: the task waits for a working token instead of failing, its
 * attempt given back (the refusal is the token's, not the task's), while the merchant row still
 * holds that token and shows it refused. Otherwise (the refusal could not be recorded, or the
 * token was replaced meanwhile) returns false and the run's failure is recorded as any other.
 */
export async function holdAfterTokenRefusal(task: Pick<SyncTask, 'id' | 'attempts' | 'merchantId'>, sealedToken: string): Promise<boolean> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: task.merchantId }, select: { bmTokenEncrypted: true, bmTokenRefusedAt: true } })
  if (merchant.bmTokenEncrypted !== sealedToken || merchant.bmTokenRefusedAt === null) return false
  const { count } = await db.syncTask.updateMany({
    where: { id: task.id, status: 'SENT', attempts: task.attempts },
    data: { status: 'QUEUED', nextAttemptAt: null, attempts: { decrement: 1 } },
  })
  if (count === 0) return false
  await releaseIfConnected({ taskId: task.id, merchantId: task.merchantId })
  return true
}
