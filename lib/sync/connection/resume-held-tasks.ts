// Once Back Market can be told again (a token saved, or the refused one accepted), the tasks the
// connection held (hold-task.ts) go back to the workers, the work Back Market refused is sent
// again (resend-refused-work.ts), and the import runs at once. A merchant may have thousands held:
// the resume runs in a job of its own (one queued per merchant), never inside a person's request.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { db } from '@/lib/db'
import { getQueue, QUEUES } from '../queue'
import { resendRefusedWork } from './resend-refused-work'
import { clearTokenRefusal } from './token-refusal'

/** Held tasks are put back in batches so a merchant with many waiting is not one huge statement. */
const BATCH = 500

export type ResumeJob = { merchantId: string; actor: AuditActor }

/**
 * Puts the merchant's held tasks back in the queue, a batch at a time: the (merchantId, status,
 * nextAttemptAt, id) index reads each batch in id order, one statement resumes it and one insert
 * sends its jobs. Returns how many were resumed.
 */
export async function resumeHeldTasks(opts: { merchantId: string; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date()
  const boss = await getQueue()
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
    // Only those still held: a run may have taken one meanwhile. nextAttemptAt is the resume's
    // time, from which the sweeper measures the task's age (sweep-sync-tasks.ts).
    const ids = held.map((t) => t.id)
    await db.syncTask.updateMany({ where: { id: { in: ids }, status: 'QUEUED', nextAttemptAt: null }, data: { nextAttemptAt: now } })
    // One insert per batch; the queue's singleton per task drops a job already queued.
    await boss.insert(ids.map((id) => ({ name: QUEUES.syncTask, data: { taskId: id }, singletonKey: id })))
    resumed += held.length
  }
}

/** The resume job's work: held tasks first (they are older), then what Back Market refused. */
export async function resumeConnectionWork(job: ResumeJob & { now?: Date }): Promise<{ resumed: number; resent: number }> {
  const resumed = await resumeHeldTasks({ merchantId: job.merchantId, now: job.now })
  const resent = await resendRefusedWork({ merchantId: job.merchantId, actor: job.actor })
  return { resumed, resent }
}

/** Asks a worker to resume the merchant's work (one queued per merchant: a second ask joins it). */
export async function requestResume(job: ResumeJob): Promise<void> {
  const boss = await getQueue()
  await boss.send(QUEUES.resumeHeld, job, { singletonKey: job.merchantId })
}

/** The import of one merchant, now rather than at the next minute (one queued at most). */
export async function importNow(merchantId: string): Promise<void> {
  const boss = await getQueue()
  await boss.send(QUEUES.importOrders, { merchantId }, { singletonKey: merchantId })
}

/** Back Market accepted the token again: clear the refusal and, if this call did, resume. */
export async function clearRefusalAndResume(opts: { merchantId: string; sealedToken: string; actor: AuditActor; now?: Date }): Promise<boolean> {
  const cleared = await clearTokenRefusal(opts)
  if (cleared) await requestResume({ merchantId: opts.merchantId, actor: opts.actor })
  return cleared
}
