// The outbox around every warehouse operation: the state change and the sync task it implies
// commit together or not at all; the task is handed to the workers only after the commit, so a
// worker never runs a task whose order change was rolled back.
import 'server-only'
import { db } from '@/lib/db'
import { Prisma, type SyncTask } from '@/lib/generated/prisma/client'
import { log } from '@/lib/log'
import { createSyncTask, dispatchSyncTask, type EnqueueInput } from '@/lib/sync/enqueue-sync-task'

export type Tx = Prisma.TransactionClient
export type SyncOrigin = EnqueueInput['origin']

export type Outbox = {
  /** Creates the task in this transaction, or joins the pending one for the same thing. */
  add: (input: EnqueueInput) => Promise<{ task: SyncTask; created: boolean }>
}

/** Prisma's interactive transaction limits; the defaults (2 s to get a connection, 5 s to finish) suit one operation. */
export type OutboxOptions = { maxWait?: number; timeout?: number }

export async function withOutbox<T>(fn: (tx: Tx, outbox: Outbox) => Promise<T>, options?: OutboxOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const created: SyncTask[] = []
    try {
      const value = await db.$transaction((tx) =>
        fn(tx, {
          add: async (input) => {
            const result = await createSyncTask(tx, input)
            if (result.created) created.push(result.task)
            return result
          },
        }),
        options,
      )
      await Promise.all(created.map(dispatchAfterCommit))
      return value
    } catch (err) {
      // Someone else (a re-sync, another instance) created the same pending task between our
      // look-up and our insert. Everything rolled back; a second run joins their task.
      if (attempt === 1 && err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') continue
      throw err
    }
  }
}

async function dispatchAfterCommit(task: SyncTask): Promise<void> {
  try {
    await dispatchSyncTask(task)
  } catch (err) {
    // The change is committed and the task row is durable: the sweeper re-delivers queued tasks
    // whose job never arrived, so the operation has still succeeded.
    log.warn({ err, taskId: task.id, operation: task.operation }, 'sync task dispatch failed; the sweeper will deliver it')
  }
}
