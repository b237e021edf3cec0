// A sync task of a merchant Back Market cannot be told about — no token (never connected, or
// disconnected), or a token Back Market refuses — waits instead of failing: QUEUED with no next
// attempt, which the sweeper leaves alone (it looks only at tasks overdue on nextAttemptAt), and
// resume-held-tasks.ts puts back in the queue once a token is saved or accepted again.
import 'server-only'
import { db } from '@/lib/db'
import type { SyncTask } from '@/lib/generated/prisma/client'

export type TaskMerchant = { id: string; bmTokenEncrypted: string | null; bmMarket: string; bmTokenRefusedAt: Date | null }

/** Whether the merchant's connection holds the task; if so the task is left waiting. */
export async function holdTaskForConnection(task: Pick<SyncTask, 'id' | 'status' | 'attempts'>, merchant: TaskMerchant): Promise<boolean> {
  if (merchant.bmTokenEncrypted !== null && merchant.bmTokenRefusedAt === null) return false
  // A compare-and-set on what the run saw: a run that took the task meanwhile keeps it.
  await db.syncTask.updateMany({
    where: { id: task.id, status: task.status, attempts: task.attempts },
    data: { status: 'QUEUED', nextAttemptAt: null },
  })
  return true
}
