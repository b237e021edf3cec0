// Re-delivers tasks whose job went missing: a crash between the commit that created a task and
// the send of its job, or a job that expired while its task was marked sent. Delivery is a
// singleton per task, so sweeping a task that still has its job changes nothing.
import 'server-only'
import { db } from '@/lib/db'
import { dispatchSyncTask } from './enqueue-sync-task'

/** Longer than a job can legitimately wait or run (pg-boss expires a sync job after 60 s). */
export const OVERDUE_MS = 2 * 60_000

export async function sweepSyncTasks(opts: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date()
  const overdue = new Date(now.getTime() - OVERDUE_MS)
  const tasks = await db.syncTask.findMany({
    where: {
      OR: [
        { status: 'QUEUED', nextAttemptAt: { lt: overdue } },
        { status: 'SENT', updatedAt: { lt: overdue } },
      ],
    },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: opts.limit ?? 500,
  })
  for (const t of tasks) await dispatchSyncTask(t)
  return tasks.length
}
