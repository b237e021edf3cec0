// Asks for something to be told to Back Market. The task row is the durable truth (written in the
// caller's transaction when given one: an outbox); the pg-boss job only delivers it to a worker,
// and the sweeper re-delivers any queued task whose job was lost. A second request for the same
// pending thing returns the existing task: a double click or a duplicate event never sends twice.
import 'server-only'
import { db } from '@/lib/db'
import { Prisma, type SyncTask } from '@/lib/generated/prisma/client'
import type { SyncOperation } from '@/lib/generated/prisma/enums'
import { getQueue, QUEUES } from './queue'
import { syncGroupKey } from './sync-keys'

export type EnqueueInput = {
  merchantId: string
  operation: SyncOperation
  orderId?: string
  sku?: string
  /** `api`: a merchant's own tool asked, through /api/v1 with one of its keys. */
  origin: 'flow' | 'resync' | 'bulk' | 'simulator' | 'issue' | 'api'
  requestedById?: string
  payload?: Prisma.InputJsonValue
}

type Tx = Prisma.TransactionClient

/** Inserts the task, or finds the pending one for the same thing. Does not deliver it. */
export async function createSyncTask(tx: Tx, input: EnqueueInput): Promise<{ task: SyncTask; created: boolean }> {
  const dedupeKey = syncGroupKey(input)
  const existing = await tx.syncTask.findUnique({ where: { dedupeKey } })
  if (existing && (existing.status === 'QUEUED' || existing.status === 'SENT')) return { task: existing, created: false }
  if (existing) {
    // A finished task still holding the key (every end releases it; rows ended before that rule)
    // must never block a new sync: the key is taken from it, a compare-and-set on its status.
    await tx.syncTask.updateMany({ where: { id: existing.id, status: existing.status }, data: { dedupeKey: null } })
  }
  const task = await tx.syncTask.create({
    data: {
      merchantId: input.merchantId,
      operation: input.operation,
      orderId: input.orderId,
      sku: input.sku,
      origin: input.origin,
      requestedById: input.requestedById,
      payload: input.payload,
      dedupeKey,
      nextAttemptAt: new Date(),
    },
  })
  return { task, created: true }
}

/** Hands a queued task to the workers. Safe to call twice: the job is a singleton per task. */
export async function dispatchSyncTask(task: Pick<SyncTask, 'id'>, startAfter?: Date): Promise<void> {
  const boss = await getQueue()
  await boss.send(QUEUES.syncTask, { taskId: task.id }, { singletonKey: task.id, ...(startAfter ? { startAfter } : {}) })
}

/**
 * A held task (QUEUED, no next attempt: connection/hold-task.ts) goes back to the workers if its
 * merchant can be told again: a hold that landed after the resume's scan, or a task joined by a
 * new request once the merchant is connected. A compare-and-set: resumed once, whoever is first.
 */
export async function releaseIfConnected(opts: { taskId: string; merchantId: string; now?: Date }): Promise<boolean> {
  const merchant = await db.merchant.findUniqueOrThrow({ where: { id: opts.merchantId }, select: { bmTokenEncrypted: true, bmTokenRefusedAt: true } })
  if (merchant.bmTokenEncrypted === null || merchant.bmTokenRefusedAt !== null) return false
  const { count } = await db.syncTask.updateMany({
    where: { id: opts.taskId, status: 'QUEUED', nextAttemptAt: null },
    data: { nextAttemptAt: opts.now ?? new Date() },
  })
  if (count === 1) await dispatchSyncTask({ id: opts.taskId })
  return count === 1
}

/**
 * Create (or join) and deliver, outside any caller transaction. `onCreated` runs in the
 * transaction that creates the task (the audit row of a re-sync someone asked for), not when an
 * existing task is joined: joining changes nothing.
 */
export async function enqueueSyncTask(
  input: EnqueueInput,
  onCreated?: (tx: Tx, task: SyncTask) => Promise<void>,
): Promise<{ task: SyncTask; created: boolean }> {
  let result: { task: SyncTask; created: boolean }
  try {
    result = await db.$transaction(async (tx) => {
      const made = await createSyncTask(tx, input)
      if (made.created && onCreated) await onCreated(tx, made.task)
      return made
    })
  } catch (err) {
    // Two requests raced on the dedupe key: the other one created it; join it.
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err
    const task = await db.syncTask.findUnique({ where: { dedupeKey: syncGroupKey(input) } })
    if (!task) throw err
    result = { task, created: false }
  }
  if (result.created) await dispatchSyncTask(result.task)
  else if (result.task.status === 'QUEUED' && result.task.nextAttemptAt === null) await releaseIfConnected({ taskId: result.task.id, merchantId: result.task.merchantId })
  return result
}
