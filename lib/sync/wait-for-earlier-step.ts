// Back Market takes an order's steps in one order only: accept, then ship; a refund after
// acceptance or shipping needs that step done first (docs/backmarket.md §1.6). The warehouse may
// report the steps in one breath (a "shipped" event for an order nobody validated walks validate →
// ship in one transaction), and then the ACCEPT and SHIP tasks reach the workers together: run in
// parallel, the SHIP would reach Back Market first and be refused with "Order status error". So a
// later step waits while an earlier one for the same order is still pending; the wait is not an
// attempt and costs Back Market nothing.
import 'server-only'
import { db } from '@/lib/db'
import type { SyncOperation, SyncTask } from '@/lib/generated/prisma/client'
import { dispatchSyncTask } from './enqueue-sync-task'

/** The steps that must have reached Back Market before this one may be sent. */
const EARLIER: Partial<Record<SyncOperation, SyncOperation[]>> = {
  SHIP: ['ACCEPT'],
  CANCEL: ['ACCEPT', 'SHIP'],
}

/** How long a waiting step sleeps before it looks again. */
export const STEP_WAIT_MS = 3_000

/**
 * When an earlier step of the same order is still queued or being sent, puts this task back in
 * the queue until a few seconds after that step's next attempt (status QUEUED, attempts unchanged) and says so. The sweeper
 * redelivers it should that job be lost.
 */
export async function waitForEarlierStep(task: SyncTask, now: Date): Promise<boolean> {
  const earlier = EARLIER[task.operation]
  if (!earlier || !task.orderId) return false
  const pending = await db.syncTask.findFirst({
    where: { orderId: task.orderId, operation: { in: earlier }, status: { in: ['QUEUED', 'SENT'] }, id: { not: task.id } },
    select: { nextAttemptAt: true },
    orderBy: { nextAttemptAt: { sort: 'desc', nulls: 'last' } },
  })
  if (!pending) return false
  // An earlier step backing off after a failure will not finish before its own next attempt:
  // looking again every few seconds until then would only churn the queue.
  const at = new Date(Math.max(now.getTime(), pending.nextAttemptAt?.getTime() ?? 0) + STEP_WAIT_MS)
  const { count } = await db.syncTask.updateMany({
    where: { id: task.id, status: task.status, attempts: task.attempts },
    data: { status: 'QUEUED', nextAttemptAt: at },
  })
  if (count === 1) await dispatchSyncTask(task, at)
  return true
}
