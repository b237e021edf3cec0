// The real worker process (scripts/worker.ts) applies recorded events on its own: the ingest's
// notification (or the minute schedule) reaches its warehouse-events job. Waiting for it is how a
// client (and bench:events) knows processing is done: no event of theirs left PENDING.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { stopQueue } from '@/lib/sync/queue'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { createTestMerchant } from '@/test/factories'
import { recordWarehouseEvents } from './record-events'

await startBackMarketSandbox()
afterAll(() => stopQueue())

test('a running worker applies the events a batch recorded', async () => {
  const merchant = await createTestMerchant()
  await db.product.create({ data: { merchantId: merchant.id, sku: 'WRK-1', title: 'Phone', quantity: 0, bmListingMissingSince: new Date() } })
  // One process (tsx as a loader, not its CLI, which runs the script in a child of its own that a
  // kill of the CLI leaves running: each test run left an orphaned worker behind).
  const worker = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.resolve('scripts/worker.ts')], {
    env: { ...process.env, LOG_LEVEL: 'fatal', SERVICE_NAME: 'worker' },
    stdio: 'ignore',
  })
  try {
    const events = Array.from({ length: 20 }, (_, i) => ({
      id: `evt-${randomUUID()}`,
      merchantId: merchant.id,
      type: 'stock.adjusted',
      occurredAt: new Date(Date.UTC(2026, 11, 6, 9, i)).toISOString(),
      data: { sku: 'WRK-1', delta: 1, reason: 'received' },
    }))
    await recordWarehouseEvents({ events, apiKeyId: null })
    const deadline = Date.now() + 45_000
    while ((await db.warehouseEvent.count({ where: { merchantId: merchant.id, state: 'PENDING' } })) > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200))
    }
    expect(await db.warehouseEvent.count({ where: { merchantId: merchant.id, state: 'APPLIED' } })).toBe(20)
    expect((await db.product.findUniqueOrThrow({ where: { merchantId_sku: { merchantId: merchant.id, sku: 'WRK-1' } } })).quantity).toBe(20)
  } finally {
    worker.kill('SIGKILL')
  }
}, 60_000)
