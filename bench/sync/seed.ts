// Seeds one scenario, in its own process (its environment names that scenario's database and
// sandbox; lib/env reads it once per process): M merchants, each with its own sandbox token and
// N one-line orders in state 1, imported with the real importer, validated by "the warehouse",
// then one ACCEPT task per order created and delivered as the warehouse flow does. Tasks are
// created round-robin over merchants so the queue interleaves them as real traffic would.
// Prints one JSON line: { merchants, tasks, ms }.
import { db } from '@/lib/db'
import { encryptToken } from '@/lib/crypto/token-cipher'
import { randomUUID } from 'node:crypto'
import { createSyncTask, dispatchSyncTask } from '@/lib/sync/enqueue-sync-task'
import { importMerchantOrders } from '@/lib/sync/import-orders'
import { stopQueue } from '@/lib/sync/queue'
import { SandboxControl } from '@/scripts/lib/sandbox-control'
import { pool, timed as timedIn } from '../lib/seed-steps'

export type SeedParams = { merchants: number; ordersPerMerchant: number; prefix: string; sandboxUrl: string }
export type SeedResult = { merchants: { id: string; token: string }[]; tasks: number; ms: Record<string, number> }

const params = JSON.parse(process.env.BENCH_SEED ?? '') as SeedParams
const control = new SandboxControl(params.sandboxUrl)
const ms: Record<string, number> = {}
const timed = <T>(label: string, fn: () => Promise<T>) => timedIn(ms, label, fn)

const merchants = await timed('merchants', async () => {
  const out: { id: string; token: string }[] = []
  for (let m = 0; m < params.merchants; m++) {
    const token = `${params.prefix}-m${m}`
    await control.createAccount(token, `Bench merchant ${m}`)
    const id = randomUUID()
    const row = await db.merchant.create({
      data: { id, name: `Bench merchant ${m}`, bmTokenEncrypted: encryptToken(token, { merchantId: id }), bmMarket: 'fr-fr' },
      select: { id: true },
    })
    out.push({ id: row.id, token })
  }
  return out
})

await timed('sandboxOrders', () =>
  pool(
    Array.from({ length: params.merchants * params.ordersPerMerchant }, (_, i) => i),
    16,
    async (i) => {
      const m = merchants[i % params.merchants]!
      await control.createOrder({ token: m.token, lines: [{ sku: `BENCH-${m.token}-${Math.floor(i / params.merchants)}` }] })
    },
  ),
)

await timed('import', () =>
  pool(merchants, 4, async (m) => {
    const s = await importMerchantOrders({ merchantId: m.id })
    if (s.created !== params.ordersPerMerchant || s.failures) throw new Error(`import of ${m.token}: ${JSON.stringify(s)}`)
  }),
)

await timed('validate', () => db.order.updateMany({ where: { merchantId: { in: merchants.map((m) => m.id) } }, data: { status: 'VALIDATED' } }))

const tasks = await timed('createTasks', async () => {
  const orders = await db.order.findMany({ where: { merchantId: { in: merchants.map((m) => m.id) } }, select: { id: true, merchantId: true, reference: true } })
  const byMerchant = new Map<string, typeof orders>()
  for (const o of orders) {
    const list = byMerchant.get(o.merchantId) ?? []
    list.push(o)
    byMerchant.set(o.merchantId, list)
  }
  for (const list of byMerchant.values()) list.sort((a, b) => a.reference.localeCompare(b.reference))
  const interleaved: typeof orders = []
  for (let i = 0; i < params.ordersPerMerchant; i++) for (const m of merchants) interleaved.push(byMerchant.get(m.id)![i]!)
  const ids: string[] = []
  for (let i = 0; i < interleaved.length; i += 500) {
    const batch = interleaved.slice(i, i + 500)
    await db.$transaction(async (tx) => {
      for (const o of batch) {
        const { task, created } = await createSyncTask(tx, { merchantId: o.merchantId, operation: 'ACCEPT', orderId: o.id, origin: 'flow' })
        if (!created) throw new Error(`task for ${o.reference} already existed`)
        ids.push(task.id)
      }
    }, { timeout: 60_000 })
  }
  return ids
})

// In creation order, a few at a time: pg-boss hands jobs out oldest first.
await timed('dispatch', () => pool(tasks, 8, (id) => dispatchSyncTask({ id })))
await stopQueue()
await db.$disconnect()

process.stdout.write(`${JSON.stringify({ merchants, tasks: tasks.length, ms } satisfies SeedResult)}\n`)
process.exit(0)
