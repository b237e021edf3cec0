// Seeds bench:events in its own process (lib/db binds the one database named in its environment):
// - "flow" merchants, each with one-line orders placed on the sandbox and imported by the real
//   importer (the order events' subjects), and products for stock movements and counts. Their
//   products are marked as having no Back Market listing, so that the throughput and crash runs
//   measure our side only: no STOCK task is queued for them (lib/warehouse/record-stock-movement.ts);
// - one "stock" merchant with a sandbox listing and a product for each of its SKUs, whose levels
//   go all the way to Back Market under its SKU-line limit;
// - a warehouse API key, made by the real operation.
// Prints one JSON line (SeedResult).
import { randomUUID } from 'node:crypto'
import { createApiKey } from '@/lib/api-keys/create-api-key'
import { encryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { importMerchantOrders } from '@/lib/sync/import-orders'
import { stopQueue } from '@/lib/sync/queue'
import { SandboxControl } from '@/scripts/lib/sandbox-control'
import { pool, timed as timedIn } from '../lib/seed-steps'

export type SeedParams = {
  sandboxUrl: string
  prefix: string
  flowMerchants: number
  ordersPerMerchant: number
  /** Products per flow merchant for adjustments, and as many for counts. */
  skusPerMerchant: number
  stockSkus: number
}
export type FlowMerchant = { id: string; references: string[]; adjustSkus: string[]; levelSkus: string[]; initialQuantity: number }
export type SeedResult = { key: string; flow: FlowMerchant[]; stock: { id: string; token: string; skus: string[] }; ms: Record<string, number> }

const params = JSON.parse(process.env.BENCH_SEED ?? '') as SeedParams
const control = new SandboxControl(params.sandboxUrl)
const ms: Record<string, number> = {}
const timed = <T>(label: string, fn: () => Promise<T>) => timedIn(ms, label, fn)
const INITIAL_QUANTITY = 1_000

async function createMerchant(name: string, token: string): Promise<string> {
  await control.createAccount(token, name)
  const id = randomUUID()
  await db.merchant.create({ data: { id, name, bmTokenEncrypted: encryptToken(token, { merchantId: id }), bmMarket: 'fr-fr' } })
  return id
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

const flow = await timed('flowMerchants', () =>
  pool(range(params.flowMerchants), 2, async (m): Promise<FlowMerchant> => {
    const token = `${params.prefix}-flow-${m}`
    const id = await createMerchant(`Bench flow merchant ${m}`, token)
    const orders = await pool(range(params.ordersPerMerchant), 8, (i) => control.createOrder({ token, lines: [{ sku: `FLOW-${m}-${i}` }] }))
    const summary = await importMerchantOrders({ merchantId: id })
    if (summary.created !== params.ordersPerMerchant || summary.failures) throw new Error(`import of ${token}: ${JSON.stringify(summary)}`)
    const adjustSkus = range(params.skusPerMerchant).map((i) => `ADJ-${m}-${i}`)
    const levelSkus = range(params.skusPerMerchant).map((i) => `LVL-${m}-${i}`)
    await db.product.createMany({
      data: [...adjustSkus, ...levelSkus].map((sku) => ({ merchantId: id, sku, title: sku, quantity: INITIAL_QUANTITY, bmListingMissingSince: new Date() })),
    })
    return { id, references: orders.map((o) => String(o.order_id)), adjustSkus, levelSkus, initialQuantity: INITIAL_QUANTITY }
  }),
)

const stock = await timed('stockMerchant', async () => {
  const token = `${params.prefix}-stock`
  const id = await createMerchant('Bench stock merchant', token)
  const skus = range(params.stockSkus).map((i) => `STK-${i}`)
  await pool(skus, 16, (sku) => control.createListing({ token, sku, quantity: 0 }))
  await db.product.createMany({ data: skus.map((sku) => ({ merchantId: id, sku, title: sku, quantity: 0 })) })
  return { id, token, skus }
})

const key = await timed('apiKey', () => createApiKey({ kind: 'WAREHOUSE', actor: { kind: 'SYSTEM', id: null, name: 'bench:events' }, name: 'bench:events' }))
await stopQueue()
await db.$disconnect()

process.stdout.write(`${JSON.stringify({ key: key.secret, flow, stock, ms } satisfies SeedResult)}\n`)
process.exit(0)
