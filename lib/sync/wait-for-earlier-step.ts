// Back Market takes an order's steps in one order only (step-order.ts, docs/backmarket.md §1.6).
// The warehouse may report them in one breath (a "shipped" event for an order nobody validated
// walks validate → ship in one transaction; a line cancelled just before the parcel leaves), and
// their tasks then reach the workers together: run in parallel, the SHIP could reach Back Market
// first and be refused with "Order status error". So a step waits while one that must go first is
// still pending for the same order; the wait is not an attempt and costs Back Market nothing.
import 'server-only'
import { db } from '@/lib/db'
import type { SyncTask } from '@/lib/generated/prisma/client'
import { dispatchSyncTask } from './enqueue-sync-task'
import { mustWaitFor } from './step-order'

/** How long a waiting step sleeps before it looks again. */
export const STEP_WAIT_MS = 3_000

/**
 * When a step that must go first (step-order.ts) is still queued or being sent for the same
 * order, puts this task back in the queue until a few seconds after that step's next attempt
 * (status QUEUED, attempts unchanged) and says so. The sweeper redelivers it should that job be lost.
 */
export async function waitForEarlierStep(task: SyncTask, now: Date): Promise<boolean> {
  if (!task.orderId || task.operation === 'STOCK') return false
  const others = await db.syncTask.findMany({
    where: { orderId: task.orderId, status: { in: ['QUEUED', 'SENT'] }, id: { not: task.id } },
    select: { operation: true, payload: true, nextAttemptAt: true },
  })
  const first = others.filter((other) => mustWaitFor(task, other))
  if (first.length === 0) return false
  // An earlier step backing off after a failure will not finish before its own next attempt:
  // looking again every few seconds until then would only churn the queue.
  const latest = Math.max(now.getTime(), ...first.map((o) => o.nextAttemptAt?.getTime() ?? 0))
  const at = new Date(latest + STEP_WAIT_MS)
  const { count } = await db.syncTask.updateMany({
    where: { id: task.id, status: task.status, attempts: task.attempts },
    data: { status: 'QUEUED', nextAttemptAt: at },
  })
  if (count === 1) await dispatchSyncTask(task, at)
  return true
}
