// Once Back Market can be told again (a token saved, or the refused one accepted), the tasks the
// connection held (hold-task.ts) go back to the workers, and the import runs at once.
import 'server-only'
import { db } from '@/lib/db'
import { dispatchSyncTask } from '../enqueue-sync-task'
import { getQueue, QUEUES } from '../queue'
import { clearTokenRefusal } from './token-refusal'

/** Held tasks are put back in batches so a merchant with many waiting is not one huge statement. */
const BATCH = 500

export async function resumeHeldTasks(opts: { merchantId: string; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date()
  let resumed = 0
  // Keyset on id: a task held again meanwhile (disconnected again) is not looped over.
  let after: string | undefined
  for (;;) {
    const held = await db.syncTask.findMany({
      where: { merchantId: opts.merchantId, status: 'QUEUED', nextAttemptAt: null, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    })
    if (held.length === 0) return resumed
    after = held[held.length - 1]!.id
    const ids = held.map((t) => t.id)
    // Only those still held: a run may have taken one meanwhile.
    await db.syncTask.updateMany({ where: { id: { in: ids }, status: 'QUEUED', nextAttemptAt: null }, data: { nextAttemptAt: now } })
    for (const t of held) await dispatchSyncTask(t)
    resumed += held.length
  }
}

/** The import of one merchant, now rather than at the next minute (one queued at most). */
export async function importNow(merchantId: string): Promise<void> {
  const boss = await getQueue()
  await boss.send(QUEUES.importOrders, { merchantId }, { singletonKey: merchantId })
}

/** Back Market accepted the token again: clear the refusal and, if this call did, resume. */
export async function clearRefusalAndResume(opts: { merchantId: string; sealedToken: string; now?: Date }): Promise<boolean> {
  const cleared = await clearTokenRefusal(opts)
  if (cleared) await resumeHeldTasks({ merchantId: opts.merchantId, now: opts.now })
  return cleared
}
