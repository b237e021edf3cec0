// A SKU Back Market has no listing for, against the real sandbox over HTTP: the first stock move
// fails and is remembered; later moves send nothing; once a listing exists, a recheck (scheduled,
// or on saving a SKU mapping) sends the current quantity once and the issue resolves.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { saveSkuMapping } from '@/lib/sku-mapping/save-sku-mapping'
import { recordStockMovement } from '@/lib/warehouse/record-stock-movement'
import { startBackMarketSandbox } from '@/test/backmarket-sandbox'
import { createTestUser } from '@/test/factories'
import { getQueue, stopQueue } from './queue'
import { recheckAllMissingListings, recheckMissingListings } from './recheck-missing-listings'
import { runSyncTask } from './run-sync-task'
import { testActor } from '@/test/audit-fixtures'

const { control, newMerchant } = await startBackMarketSandbox()
beforeAll(async () => {
  await getQueue()
})
afterAll(() => stopQueue())

/** A merchant on the sandbox with one product whose SKU has no listing there, and its first move run by a worker. */
async function skuWithoutListing() {
  const { token, merchant } = await newMerchant('listing')
  const sku = `NOLIST-${randomUUID().slice(0, 8)}`
  const product = await db.product.create({ data: { merchantId: merchant.id, sku, title: 'Phone', quantity: 5 } })
  const first = await recordStockMovement({ merchantId: merchant.id, sku, delta: 1, reason: 'restock' })
  expect(await runSyncTask({ taskId: first.task!.id })).toBe('failed')
  return { token, merchant, sku, product }
}

const stockTasks = (merchantId: string) => db.syncTask.findMany({ where: { merchantId, operation: 'STOCK' }, orderBy: { createdAt: 'asc' } })
const productOf = (id: string) => db.product.findUniqueOrThrow({ where: { id } })
const issueOf = (merchantId: string, sku: string) => db.syncIssue.findMany({ where: { merchantId, sku, operation: 'STOCK' } })
const listingQuantity = async (token: string, sku: string) =>
  ((await control.state(token)) as { listings: { sku: string; quantity: number }[] }).listings.find((l) => l.sku === sku)?.quantity

test('a SKU without a listing fails once and waits: ten more moves send nothing; a listing created later gets one update and the issue resolves', async () => {
  const { token, merchant, sku, product } = await skuWithoutListing()
  expect((await productOf(product.id)).bmListingMissingSince).toBeInstanceOf(Date)
  expect(await issueOf(merchant.id, sku)).toMatchObject([{ kind: 'NOT_FOUND', status: 'OPEN', occurrences: 1 }])
  const sentBefore = (await control.requests(token)).length
  // The listing look-up that answered 404, and the pre-flight that followed the failure.
  expect((await control.requests(token)).filter((r) => r.path.startsWith('/ws/listings/detail'))).not.toHaveLength(0)

  for (let i = 0; i < 10; i++) {
    const moved = await recordStockMovement({ merchantId: merchant.id, sku, delta: 1, reason: 'restock' })
    expect(moved.task).toBeNull()
  }
  expect((await productOf(product.id)).quantity).toBe(16)
  expect(await stockTasks(merchant.id)).toHaveLength(1)
  expect(await control.requests(token)).toHaveLength(sentBefore)
  expect(await db.syncAttempt.count({ where: { merchantId: merchant.id } })).toBe(1)

  // Still no listing: the recheck asks, and the SKU keeps waiting.
  expect(await recheckMissingListings({ merchantId: merchant.id })).toEqual({ checked: 1, found: [] })
  expect((await productOf(product.id)).bmListingMissingSince).toBeInstanceOf(Date)
  expect(await stockTasks(merchant.id)).toHaveLength(1)

  await control.createListing({ token, sku, quantity: 0 })
  expect(await recheckAllMissingListings()).toMatchObject({ found: expect.arrayContaining([sku]) })
  expect((await productOf(product.id)).bmListingMissingSince).toBeNull()
  const [, update] = await stockTasks(merchant.id)
  expect(update).toMatchObject({ status: 'QUEUED', sku })
  expect(await runSyncTask({ taskId: update!.id })).toBe('verified')
  expect(await listingQuantity(token, sku)).toBe(16)
  const writes = (await control.requests(token)).filter((r) => r.method === 'POST')
  expect(writes).toHaveLength(1)
  expect(await issueOf(merchant.id, sku)).toMatchObject([{ status: 'RESOLVED', resolution: 'success' }])

  // The memory is gone: the next move is an update of its own again.
  expect((await recordStockMovement({ merchantId: merchant.id, sku, delta: -1, reason: 'adjustment' })).task).toMatchObject({ status: 'QUEUED' })
})

test('saving a SKU mapping rechecks the SKU: the listing under Back Market’s SKU is found and the stock sent once', async () => {
  const { token, merchant, sku, product } = await skuWithoutListing()
  // The merchant dismissed the issue: no re-sync follows the mapping, only the recheck can help.
  await db.syncIssue.updateMany({ where: { merchantId: merchant.id, sku }, data: { status: 'DISMISSED', dismissedAt: new Date(), groupKey: null } })
  const theirs = `${sku}-BM`
  await control.createListing({ token, sku: theirs, quantity: 0 })
  await recordStockMovement({ merchantId: merchant.id, sku, delta: 2, reason: 'restock' })
  const { user } = await createTestUser({ merchantId: merchant.id })

  await saveSkuMapping({ merchantId: merchant.id, actor: testActor(user), ourSku: sku, bmSku: theirs, confirm: true })

  expect((await productOf(product.id)).bmListingMissingSince).toBeNull()
  const [, update] = await stockTasks(merchant.id)
  expect(await runSyncTask({ taskId: update!.id })).toBe('verified')
  expect(await listingQuantity(token, theirs)).toBe(8)
  expect((await control.requests(token)).filter((r) => r.method === 'POST')).toHaveLength(1)
})

test('a product renamed on our side keeps its cached listing: its stock goes there and is read back under the listing’s own SKU, no failure logged', async () => {
  const { token, merchant } = await newMerchant('listing')
  const sku = `REN-${randomUUID().slice(0, 8)}`
  const listing = await control.createListing({ token, sku, quantity: 0 })
  const product = await db.product.create({ data: { merchantId: merchant.id, sku: `${sku}-WH12`, title: 'Phone', quantity: 4, bmListingId: listing.id } })

  const moved = await recordStockMovement({ merchantId: merchant.id, sku: product.sku, delta: 1, reason: 'restock' })
  expect(await runSyncTask({ taskId: moved.task!.id })).toBe('verified')
  expect(await listingQuantity(token, sku)).toBe(5)
  expect(await db.syncAttempt.findMany({ where: { merchantId: merchant.id }, select: { outcome: true } })).toEqual([{ outcome: 'SUCCESS' }])
})
