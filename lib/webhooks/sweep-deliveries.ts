// Finds deliveries that are due and hands them to the workers: woken by the NOTIFY of each emit
// (just after its commit) and every minute (a worker that was down, a job lost between an attempt
// and its retry's send, a claim whose worker died). Sending twice is harmless: the delivery job is
// a singleton per delivery, and an attempt claims its delivery with a compare-and-set.
import 'server-only'
import { db } from '@/lib/db'

export type SendDeliveryJob = (deliveryId: string, startAfter?: Date) => Promise<unknown>

const BATCH = 500

export async function sweepDueDeliveries(opts: { send: SendDeliveryJob; now?: Date }): Promise<number> {
  const now = opts.now ?? new Date()
  const due = await db.webhookDelivery.findMany({
    where: { status: 'PENDING', nextAttemptAt: { lte: now }, endpoint: { enabled: true } },
    orderBy: { nextAttemptAt: 'asc' },
    select: { id: true },
    take: BATCH,
  })
  for (const d of due) await opts.send(d.id)
  return due.length
}
