// `npm run health:rebuild [-- --merchant <id>]`: recomputes the connection banner's summary
// (MerchantHealth, SyncFailureGroup) of every merchant, or one, from their sync attempts and
// issues (lib/sync/health/rebuild-health.ts). Safe while the worker runs: each batch holds its
// merchants' summary rows locked, so an outcome recorded meanwhile waits and then applies on top.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { db } from '@/lib/db'
import { rebuildAllMerchantHealth, rebuildMerchantHealth } from '@/lib/sync/health/rebuild-health'

const { values } = parseArgs({ options: { merchant: { type: 'string' }, batch: { type: 'string' } } })

try {
  const merchant = values.merchant === undefined ? undefined : z.uuid().parse(values.merchant)
  const started = performance.now()
  if (merchant) {
    if (!(await db.merchant.findUnique({ where: { id: merchant }, select: { id: true } }))) throw new Error(`no merchant ${merchant}`)
    await rebuildMerchantHealth([merchant])
    console.log(`health:rebuild: merchant ${merchant} rebuilt in ${Math.round(performance.now() - started)} ms`)
  } else {
    const batchSize = z.coerce.number().int().min(1).max(5_000).default(200).parse(values.batch)
    const total = await rebuildAllMerchantHealth({ batchSize, onBatch: (done) => console.log(`  ${done} merchants…`) })
    console.log(`health:rebuild: ${total} merchants rebuilt in ${Math.round(performance.now() - started)} ms`)
  }
} catch (err) {
  console.error(`health:rebuild failed: ${(err as Error).message}`)
  process.exitCode = 1
} finally {
  await db.$disconnect()
}
