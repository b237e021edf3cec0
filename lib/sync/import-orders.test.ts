// The import against the real sandbox over HTTP, into the real database.
import { afterAll, expect, test } from 'vitest'
import { BackMarketClient } from '@/lib/backmarket/client'
import { db } from '@/lib/db'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { backMarketRequestLimiter } from './backmarket-limits'
import { importMerchantOrders } from './import-orders'
import { stopQueue } from './queue'
import { requestOrderResync } from './request-order-resync'
import { testActor } from '@/test/audit-fixtures'

const { sandbox, control, newMerchant } = await startBackMarketSandbox()
afterAll(() => stopQueue())

async function setup() {
  const { token, merchant } = await newMerchant('import')
  const client = new BackMarketClient({
    baseUrl: sandbox.url,
    token,
    acceptLanguage: 'fr-fr',
    userAgent: 'BM-Test-Import;test@example.com',
  })
  return { token, merchant, client }
}

/** One order placed on Back Market with these SKUs, then imported: Back Market's copy and our row's key. */
async function placeAndImport({ token, merchant, client }: Awaited<ReturnType<typeof setup>>, skus: string[]) {
  const bm = await control.createOrder({ token, lines: skus.map((sku) => ({ sku })) })
  await importMerchantOrders({ merchantId: merchant.id, client })
  const reference = String(bm.order_id)
  return { bm, reference, where: { merchantId_reference: { merchantId: merchant.id, reference } } }
}

test('importing the same orders twice creates them once, with lines and both addresses', async () => {
  const { token, merchant, client } = await setup()
  const placed = []
  for (let i = 0; i < 60; i++) {
    placed.push(await control.createOrder({ token, lines: [{ sku: `SKU-${i % 3}`, quantity: 1 }] }))
  }
  const first = await importMerchantOrders({ merchantId: merchant.id, client })
  expect(first).toMatchObject({ seen: 60, created: 60, updated: 0, failures: 0 })

  const second = await importMerchantOrders({ merchantId: merchant.id, client })
  expect(second).toMatchObject({ created: 0, updated: 0, failures: 0 })
  expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(60)
  expect(await db.orderLine.count({ where: { merchantId: merchant.id } })).toBe(60)

  const order = await db.order.findUniqueOrThrow({
    where: { merchantId_reference: { merchantId: merchant.id, reference: String(placed[0]!.order_id) } },
    include: { lines: true, addresses: true },
  })
  expect(order.status).toBe('CREATED')
  expect(order.bmState).toBe(1)
  expect(order.lines[0]).toMatchObject({ listing: 'SKU-0', sku: 'SKU-0', bmState: 1 })
  expect(order.addresses.map((a) => a.kind).sort()).toEqual(['CURRENT', 'ORIGINAL'])

  const runs = await db.importRun.findMany({ where: { merchantId: merchant.id }, orderBy: { startedAt: 'asc' } })
  expect(runs.map((r) => [r.status, r.ordersCreated])).toEqual([
    ['SUCCEEDED', 60],
    ['SUCCEEDED', 0],
  ])
})

test('two imports running at once still create each order once', async () => {
  const { token, merchant, client } = await setup()
  for (let i = 0; i < 25; i++) await control.createOrder({ token, lines: [{ sku: 'RACE-1' }] })
  const results = await Promise.all([
    importMerchantOrders({ merchantId: merchant.id, client }),
    importMerchantOrders({ merchantId: merchant.id, client }),
  ])
  expect(results[0]!.created + results[1]!.created).toBe(25)
  expect(await db.order.count({ where: { merchantId: merchant.id } })).toBe(25)
})

test('a change made on Back Market reaches our copy, but never our SKU or our current address', async () => {
  const s = await setup()
  const { token, merchant, client } = s
  const { bm, where } = await placeAndImport(s, ['CHG-1'])
  const ours = await db.order.findUniqueOrThrow({ where, include: { lines: true } })
  // The warehouse renamed the SKU and fixed the street.
  await db.orderLine.update({ where: { id: ours.lines[0]!.id }, data: { sku: 'CHG-1-RENAMED' } })
  await db.orderAddress.update({ where: { orderId_kind: { orderId: ours.id, kind: 'CURRENT' } }, data: { street: '1 Fixed Street' } })

  await new Promise((r) => setTimeout(r, 1100)) // Back Market's dates have one-second precision
  await control.setLineState(bm.order_id, 'CHG-1', token, 2) // accepted by hand in the back office
  const run = await importMerchantOrders({ merchantId: merchant.id, client })
  expect(run.updated).toBe(1)

  const after = await db.order.findUniqueOrThrow({ where, include: { lines: true, addresses: true } })
  expect(after.bmState).toBe(3)
  expect(after.version).toBe(ours.version + 1)
  expect(after.lines[0]).toMatchObject({ bmState: 2, listing: 'CHG-1', sku: 'CHG-1-RENAMED' })
  expect(after.addresses.find((a) => a.kind === 'CURRENT')!.street).toBe('1 Fixed Street')
})

test('Back Market cancelling every line cancels an order we have not started', async () => {
  const { token, merchant, client } = await setup()
  const bm = await control.createOrder({ token, lines: [{ sku: 'CAN-1' }] })
  await importMerchantOrders({ merchantId: merchant.id, client })
  await new Promise((r) => setTimeout(r, 1100))
  await control.setLineState(bm.order_id, 'CAN-1', token, 4)
  await importMerchantOrders({ merchantId: merchant.id, client })
  const order = await db.order.findUniqueOrThrow({
    where: { merchantId_reference: { merchantId: merchant.id, reference: String(bm.order_id) } },
  })
  expect(order.status).toBe('CANCELLED')
})

test('a failed run is recorded with its error and leaves the cursor alone', async () => {
  const { merchant } = await setup()
  const broken = new BackMarketClient({
    baseUrl: sandbox.url,
    token: 'not-a-known-token',
    acceptLanguage: 'fr-fr',
    userAgent: 'BM-Test-Import;test@example.com',
  })
  await expect(importMerchantOrders({ merchantId: merchant.id, client: broken })).rejects.toMatchObject({ kind: 'unauthorized' })
  const run = await db.importRun.findFirstOrThrow({ where: { merchantId: merchant.id } })
  expect(run.status).toBe('FAILED')
  expect(run.error).toBeTruthy()
  expect((await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).importCursor).toBeNull()
})

test('a SKU mapping is remembered for future orders: new lines carry our SKU', async () => {
  const { token, merchant, client } = await setup()
  await db.skuMapping.create({ data: { merchantId: merchant.id, ourSku: 'OURS-1', bmSku: 'THEIRS-1' } })
  const bm = await control.createOrder({ token, lines: [{ sku: 'THEIRS-1' }, { sku: 'OTHER-1' }] })
  await importMerchantOrders({ merchantId: merchant.id, client })
  const lines = await db.orderLine.findMany({ where: { merchantId: merchant.id, order: { reference: String(bm.order_id) } }, orderBy: { listing: 'asc' } })
  expect(lines.map((l) => [l.listing, l.sku])).toEqual([
    ['OTHER-1', 'OTHER-1'],
    ['THEIRS-1', 'OURS-1'],
  ])
})

test('the importer’s pages take cells of the merchant’s Back Market budget, shared with the sync engine', async () => {
  const { token, merchant } = await setup()
  await control.createOrder({ token, lines: [{ sku: 'SKU-1', quantity: 1 }] })
  const limiter = backMarketRequestLimiter(merchant.id)
  try {
    // Back Market answered 429 to a sync call a moment ago: the token is blocked for two minutes.
    await limiter.penalize(120_000)
    await expect(importMerchantOrders({ merchantId: merchant.id })).rejects.toMatchObject({ code: 'rate_limited' })
    expect(await control.requests(token)).toEqual([])
    const run = await db.importRun.findFirstOrThrow({ where: { merchantId: merchant.id } })
    expect(run.status).toBe('FAILED')

    // With the budget free again, the same import goes through it (its requests are counted).
    await db.rateLimitBucket.delete({ where: { key: limiter.key } })
    expect(await importMerchantOrders({ merchantId: merchant.id })).toMatchObject({ seen: 1, created: 1 })
    expect(await db.rateLimitBucket.findUnique({ where: { key: limiter.key } })).not.toBeNull()
  } finally {
    await db.rateLimitBucket.deleteMany({ where: { key: limiter.key } })
  }
})

test('the import never erases our tracking data: Back Market’s empty fields leave ours, and a re-sync can still ship', async () => {
  const s = await setup()
  const { token, merchant, client } = s
  const { bm, reference, where } = await placeAndImport(s, ['TRK-1'])
  // Our warehouse shipped the parcel; Back Market has not been told yet.
  const tracking = { trackingNumber: '6A12345678901', trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901', shipper: 'Colissimo' }
  await db.order.update({ where, data: { status: 'IN_TRANSIT', ...tracking } })

  await new Promise((r) => setTimeout(r, 1100)) // Back Market's dates have one-second precision
  await control.setLineState(bm.order_id, 'TRK-1', token, 2) // meanwhile accepted on Back Market
  expect((await importMerchantOrders({ merchantId: merchant.id, client })).updated).toBe(1)

  const after = await db.order.findUniqueOrThrow({ where })
  expect(after).toMatchObject({ bmState: 3, ...tracking })
  // Back Market's own view stays in its snapshot.
  expect(after.bmSnapshot).toMatchObject({ tracking_number: '' })
  const resync = await requestOrderResync({ merchantId: merchant.id, reference, actor: testActor() })
  expect(resync.task).toMatchObject({ operation: 'SHIP', payload: tracking })
})

test('an order shipped by hand on Back Market gives us its tracking when we have none', async () => {
  const { token, merchant, client } = await setup()
  const bm = await control.createOrder({ token, lines: [{ sku: 'TRK-2' }] })
  await importMerchantOrders({ merchantId: merchant.id, client })
  await new Promise((r) => setTimeout(r, 1100))
  await control.setLineState(bm.order_id, 'TRK-2', token, 2)
  await client.shipOrder(bm.order_id, { trackingNumber: 'BM-TRACK-1', trackingUrl: 'https://t.example/BM-TRACK-1', shipper: 'DHL' })
  await importMerchantOrders({ merchantId: merchant.id, client })
  const after = await db.order.findUniqueOrThrow({ where: { merchantId_reference: { merchantId: merchant.id, reference: String(bm.order_id) } } })
  expect(after).toMatchObject({ trackingNumber: 'BM-TRACK-1', trackingUrl: 'https://t.example/BM-TRACK-1', shipper: 'DHL' })
})
