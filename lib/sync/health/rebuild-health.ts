// Recomputes merchants' banner summaries from their attempts and issues (rebuild-health-sql.ts):
// one merchant, or all of them in batches, each batch one short transaction that holds its
// merchants' summary rows locked, so it is safe while the worker runs.
import 'server-only'
import { db } from '@/lib/db'
import { rebuildHealthStatements } from './rebuild-health-sql'

const SCOPED = rebuildHealthStatements(`= ANY(string_to_array($1, ',')::uuid[])`)

/** A batch can read thousands of attempts per merchant. */
const BATCH_TIMEOUT_MS = 120_000

export async function rebuildMerchantHealth(merchantIds: readonly string[]): Promise<void> {
  if (merchantIds.length === 0) return
  const ids = merchantIds.join(',')
  await db.$transaction(
    async (tx) => {
      for (const statement of SCOPED) await tx.$executeRawUnsafe(statement, ids)
    },
    { timeout: BATCH_TIMEOUT_MS },
  )
}

/** Every merchant, `batchSize` at a time in id order; returns how many were rebuilt. */
export async function rebuildAllMerchantHealth(opts: { batchSize?: number; onBatch?: (done: number) => void } = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 200
  let after: string | undefined
  let done = 0
  for (;;) {
    const batch = await db.merchant.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: 'asc' }, take: batchSize, select: { id: true } })
    if (batch.length === 0) return done
    await rebuildMerchantHealth(batch.map((m) => m.id))
    done += batch.length
    after = batch[batch.length - 1]?.id
    opts.onBatch?.(done)
  }
}
