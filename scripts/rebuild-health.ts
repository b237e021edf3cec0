// `npm run health:rebuild [-- --merchant <id>]`: recomputes the connection banner's summary
// (MerchantHealth, SyncFailureGroup) of every merchant, or one, from their sync attempts and
// issues (lib/sync/health/rebuild-health.ts). Safe while the worker runs: each transaction holds
// the summary rows of `--batch` merchants (1 by default, at most 10: the knob of how long an
// outcome of those merchants may wait), so an outcome recorded meanwhile waits and applies on top.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { db } from '@/lib/db'
import { MAX_MERCHANTS_PER_TRANSACTION, rebuildAllMerchantHealth, rebuildMerchantHealth } from '@/lib/sync/health/rebuild-health'

const { values } = parseArgs({ options: { merchant: { type: 'string' }, batch: { type: 'string' } } })

try {
  const merchant = values.merchant === undefined ? undefined : z.uuid().parse(values.merchant)
  const started = performance.now()
  if (merchant) {
    if (!(await db.merchant.findUnique({ where: { id: merchant }, select: { id: true } }))) throw new Error(`no merchant ${merchant}`)
    await rebuildMerchantHealth([merchant])
    console.log(`health:rebuild: merchant ${merchant} rebuilt in ${Math.round(performance.now() - started)} ms`)
  } else {
    const perTransaction = z.coerce.number().int().min(1).max(MAX_MERCHANTS_PER_TRANSACTION).default(1).parse(values.batch)
    const total = await rebuildAllMerchantHealth({ perTransaction, onProgress: (done) => console.log(`  ${done} merchants…`) })
    console.log(`health:rebuild: ${total} merchants rebuilt in ${Math.round(performance.now() - started)} ms`)
  }
} catch (err) {
  console.error(`health:rebuild failed: ${(err as Error).message}`)
  process.exitCode = 1
} finally {
  await db.$disconnect()
}
