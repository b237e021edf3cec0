// Seeds the demo once: two merchants with a login per role (and the support staff's login), their catalogue and stock, a few hundred
// Back Market orders per merchant created in the sandbox and imported through the real import,
// then the two situations the dashboard exists for: a SKU renamed on our side after import,
// and an order changed by hand on Back Market.
import 'server-only'
import { randomUUID } from 'node:crypto'
import { encryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { importMerchantOrders } from '@/lib/sync/import-orders'
import { SandboxControl } from '../lib/sandbox-control'
import { seedDemoApiKeys } from './api-keys'
import { DEMO_MERCHANTS, ORDERS_PER_MERCHANT, demoLogins, type DemoLogin, type DemoMerchant } from './catalogue'
import { demoMerchantRow, ensureDemoLogins } from './demo-logins'
import { addressesFor } from './people'

/** Deterministic pseudo-random numbers, so every fresh demo looks the same. */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type { DemoLogin }

type Plan = { lineState: number; broken: boolean }

/** The order book: mostly to accept, then accepted, shipped, cancelled; a few broken addresses. */
function planOrder(i: number, rand: () => number): Plan {
  if (i < 4) return { lineState: 1, broken: true }
  const r = rand()
  if (r < 0.5) return { lineState: 1, broken: false }
  if (r < 0.72) return { lineState: 2, broken: false }
  if (r < 0.95) return { lineState: 3, broken: false }
  return { lineState: 4, broken: false }
}

async function seedSandbox(control: SandboxControl, m: DemoMerchant, now: Date): Promise<number[]> {
  const existing = await control.state(m.token).catch(() => null)
  if (existing && existing.orders.length > 0) return []
  await control.createAccount(m.token, m.name)
  for (const p of m.products) await control.createListing({ token: m.token, sku: p.sku, quantity: p.quantity + 200, title: p.title, price: p.price })
  const rand = rng(m.key.length * 7919)
  const { ok, broken } = addressesFor(m.country)
  const toAccept: number[] = []
  for (let i = 0; i < ORDERS_PER_MERCHANT; i++) {
    const plan = planOrder(i, rand)
    const address = plan.broken ? broken[i % broken.length]! : ok[Math.floor(rand() * ok.length)]!
    const lineCount = rand() < 0.1 ? 2 : 1
    const picks = new Set<number>()
    while (picks.size < lineCount) picks.add(Math.floor(rand() * m.products.length))
    const ageMs = plan.lineState === 1 ? rand() * 3 * 86_400_000 : (2 + rand() * 22) * 86_400_000
    const order = await control.createOrder({
      token: m.token,
      date_creation: new Date(now.getTime() - ageMs).toISOString(),
      country_code: m.market,
      shipping_address: { ...address, phone: address.phone ?? '' },
      lines: [...picks].map((p) => ({ sku: m.products[p]!.sku, product: m.products[p]!.title, price: m.products[p]!.price, quantity: 1, state: plan.lineState })),
    })
    if (plan.lineState === 1 && !plan.broken) toAccept.push(order.order_id)
  }
  return toAccept
}

export async function seedDemo(opts: { sandboxUrl: string; now?: Date }): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const now = opts.now ?? new Date()
  const control = new SandboxControl(opts.sandboxUrl)
  const logins = demoLogins()
  // Before the early return: a demo database seeded before the key or a login existed gets it too.
  await seedDemoApiKeys()
  const already = await db.merchant.count({ where: { name: { in: DEMO_MERCHANTS.map((m) => m.name) } } })
  if (already === DEMO_MERCHANTS.length) {
    await ensureDemoLogins()
    return { seeded: false, logins }
  }

  for (const m of DEMO_MERCHANTS) {
    // A seed stopped halfway made the first merchants already: they are not made twice.
    if (await demoMerchantRow(m.name)) continue
    const toAccept = await seedSandbox(control, m, now)
    const id = randomUUID()
    // Connected as an admin would leave it after Settings → Back Market: token, its last 4, when.
    const merchant = await db.merchant.create({
      data: {
        id,
        name: m.name,
        bmMarket: m.market,
        bmMarkets: [m.market],
        timeZone: m.timeZone,
        locale: m.market.startsWith('fr') ? 'fr' : 'en',
        bmTokenEncrypted: encryptToken(m.token, { merchantId: id }),
        bmTokenHint: m.token.slice(-4),
        bmConnectedAt: now,
        products: { create: m.products.map((p) => ({ sku: p.sku, title: p.title, quantity: p.quantity })) },
      },
    })
    await ensureDemoLogins()
    await importMerchantOrders({ merchantId: merchant.id, now })
    await stageSituations(control, m, merchant.id, toAccept)
  }
  return { seeded: true, logins }
}

/** After import: a SKU renamed on our side, and an order accepted by hand on Back Market. */
async function stageSituations(control: SandboxControl, m: DemoMerchant, merchantId: string, toAccept: number[]) {
  const [renamedRef, handRef] = toAccept.map(String)
  if (renamedRef) {
    const line = await db.orderLine.findFirstOrThrow({ where: { merchantId, order: { reference: renamedRef } } })
    const renamed = `${line.sku}-V2`
    await db.product.updateMany({ where: { merchantId, sku: line.sku }, data: { sku: renamed } })
    await db.orderLine.updateMany({ where: { merchantId, sku: line.sku, order: { status: { in: ['CREATED', 'VALIDATED'] } } }, data: { sku: renamed } })
  }
  if (handRef) {
    const line = await db.orderLine.findFirstOrThrow({ where: { merchantId, order: { reference: handRef } } })
    await control.setLineState(handRef, line.listing, m.token, 2)
  }
}
