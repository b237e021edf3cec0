// Our SKU against Back Market's, read live from the real sandbox over HTTP: a SKU renamed on Back
// Market, one renamed on our side (order and stock), Back Market failing, and another merchant.
import { expect, onTestFinished, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { createTestMerchant } from '@/test/factories'
import { getSkuMismatch } from './get-sku-mismatch'

const { control, merchantWithOrder } = await startBackMarketSandbox()

/** A merchant with one Back Market order (lines by SKU) imported into our database. */
async function importedOrder(skus: string[]) {
  const { token, merchant, reference } = await merchantWithOrder('mismatch', skus)
  const order = await db.order.findUniqueOrThrow({ where: { merchantId_reference: { merchantId: merchant.id, reference } }, include: { lines: true } })
  return { token, merchant, order, reference }
}

test('a SKU renamed on Back Market: both sides per line, the renamed one differs, the suggestion is Back Market’s SKU on that orderline', async () => {
  const { token, merchant, order, reference } = await importedOrder(['MM-A', 'MM-B'])
  await control.renameSku(reference, token, 'MM-A', 'MM-A-NEW')
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order })

  const view = await getSkuMismatch({ merchantId: merchant.id, issueId: issue.id })
  expect(view.issue).toMatchObject({ id: issue.id, kind: 'NOT_FOUND', operation: 'ACCEPT', status: 'OPEN' })
  expect(view).toMatchObject({ reference, live: { ok: true }, stock: null, mappings: [], suggestion: { ourSku: 'MM-A', bmSku: 'MM-A-NEW', reason: 'same_orderline' } })
  expect(view.lines?.map((l) => [l.ourSku, l.listingOnOrder, l.liveListing, l.differs, l.renamedOnBackMarket])).toEqual([
    ['MM-A', 'MM-A', 'MM-A-NEW', true, true],
    ['MM-B', 'MM-B', 'MM-B', false, false],
  ])
  expect(view.lines?.[0]?.orderlineId).toBe(String(order.lines.find((l) => l.sku === 'MM-A')!.bmOrderlineId))
  // The live read refreshed our copy, as an import would: the guard now sees Back Market's SKU.
  expect(await db.orderLine.findFirstOrThrow({ where: { orderId: order.id, sku: 'MM-A' } })).toMatchObject({ listing: 'MM-A-NEW' })

  // Once mapped, what we send matches: no difference left, the mapping is shown.
  await db.skuMapping.create({ data: { merchantId: merchant.id, ourSku: 'MM-A', bmSku: 'MM-A-NEW' } })
  const mapped = await getSkuMismatch({ merchantId: merchant.id, reference })
  expect(mapped.lines?.map((l) => [l.sentSku, l.differs])).toEqual([['MM-A-NEW', false], ['MM-B', false]])
  expect(mapped).toMatchObject({ issue: null, suggestion: null, mappings: [{ ourSku: 'MM-A', bmSku: 'MM-A-NEW' }] })
})

test('a stock update for a SKU renamed on our side: no listing for it, and our orders name the one Back Market has', async () => {
  const { token, merchant, order } = await importedOrder(['MM-STOCK'])
  await control.createListing({ token, sku: 'MM-STOCK', quantity: 5 })
  await db.orderLine.updateMany({ where: { orderId: order.id }, data: { sku: 'MM-STOCK-V2' } })
  await db.product.create({ data: { merchantId: merchant.id, sku: 'MM-STOCK-V2', title: 'Phone', quantity: 3 } })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, operation: 'STOCK', sku: 'MM-STOCK-V2' })

  const view = await getSkuMismatch({ merchantId: merchant.id, issueId: issue.id })
  expect(view).toMatchObject({
    reference: null,
    lines: null,
    live: { ok: true },
    stock: { ourSku: 'MM-STOCK-V2', sentSku: 'MM-STOCK-V2', mappedTo: null, product: { quantity: 3 }, listing: { found: false }, candidate: { sku: 'MM-STOCK', found: true } },
    suggestion: { ourSku: 'MM-STOCK-V2', bmSku: 'MM-STOCK', reason: 'orders_name_listing' },
  })

  // No order names another listing: nothing obvious, no suggestion.
  const lone = await createTestSyncIssue({ merchantId: merchant.id, operation: 'STOCK', sku: 'MM-NOWHERE' })
  expect(await getSkuMismatch({ merchantId: merchant.id, issueId: lone.id })).toMatchObject({ stock: { listing: { found: false }, candidate: null }, suggestion: null })
})

test('Back Market failing: our side is still there, with how the live read failed', async () => {
  const { merchant, reference } = await importedOrder(['MM-DOWN'])
  await control.setFaults({ error5xxRate: 1 })
  onTestFinished(async () => {
    await control.clearFaults()
  })
  const view = await getSkuMismatch({ merchantId: merchant.id, reference })
  expect(view.live).toMatchObject({ ok: false, kind: 'server' })
  expect(view.lines?.map((l) => [l.ourSku, l.listingOnOrder, l.liveListing, l.differs])).toEqual([['MM-DOWN', 'MM-DOWN', null, false]])
})

test('another merchant’s issue or order is not found, and Back Market is not called for it', async () => {
  const theirs = await importedOrder(['MM-THEIRS'])
  const issue = await createTestSyncIssue({ merchantId: theirs.merchant.id, order: theirs.order })
  const me = await createTestMerchant()
  const before = (await control.requests(theirs.token)).length
  await expect(getSkuMismatch({ merchantId: me.id, issueId: issue.id })).rejects.toMatchObject({ code: 'not_found' })
  await expect(getSkuMismatch({ merchantId: me.id, reference: theirs.reference })).rejects.toMatchObject({ code: 'not_found' })
  expect(await control.requests(theirs.token)).toHaveLength(before)
})
