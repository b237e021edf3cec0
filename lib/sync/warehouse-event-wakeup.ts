// The import's side of warehouse events (lib/warehouse-events applies them; that area builds on
// this one, so what the import needs lives here): an event about an order not imported yet waits
// PARKED, and the import that creates the order sends it back to the processor.
import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { log } from '@/lib/log'
import { coalesced } from './coalesced'
import { getQueue, QUEUES } from './queue'

/**
 * The lock one subject's events are applied under. The processor takes it with
 * pg_try_advisory_xact_lock (a busy subject is left to the worker holding it); the import waits
 * for it, so an event parked by a processor that did not see the order yet is woken all the same.
 */
export function subjectLockKey(merchantId: string, subject: string): Prisma.Sql {
  return Prisma.sql`hashtextextended(${merchantId} || ':' || ${subject}, 0)`
}

/** In the import's transaction, right after it created the order: parked events are pending again. */
export async function wakeParkedEvents(tx: Prisma.TransactionClient, opts: { merchantId: string; reference: string }): Promise<number> {
  const subject = `order:${opts.reference}`
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${subjectLockKey(opts.merchantId, subject)})`
  return tx.$executeRaw`UPDATE "WarehouseEvent" SET state = 'PENDING', "outcomeCode" = NULL, "outcomeMessage" = NULL, "outcomeParams" = NULL WHERE "merchantId" = ${opts.merchantId}::uuid AND subject = ${subject} AND state = 'PARKED'`
}

/**
 * Wakes the processor after events became pending (a batch recorded, parked events woken). Never
 * fails its caller: the events are committed, and the processor's minute schedule finds them.
 * Coalesced: sixteen clients posting at once cost one or two job sends, not sixteen (a send is a
 * round trip on the ingest's path, measured by bench:events).
 */
export const notifyEventProcessor: () => Promise<void> = coalesced(async () => {
  try {
    const boss = await getQueue()
    await boss.send(QUEUES.warehouseEvents, {})
  } catch (err) {
    log.warn({ err }, 'warehouse event processor not notified; its schedule will pick the events up')
  }
})
