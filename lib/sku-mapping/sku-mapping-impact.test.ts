// The guard's facts from the database: open orders only, this merchant only, and collisions read
// the way Back Market's catalogue reads SKUs (ignoring case).
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import { uniqueSku } from '@/lib/sync/testing/sync-factories'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { getSkuMappingImpact } from './sku-mapping-impact'

test('counts open orders only: what the mapping fixes, what it would break; shipped and cancelled orders do not count', async () => {
  const merchant = await createTestMerchant()
  const [ours, theirs] = [uniqueSku(), uniqueSku()]
  await createTestOrder({ merchantId: merchant.id, status: 'VALIDATED', lines: [{ sku: ours, listing: theirs }] })
  const breaks = await createTestOrder({ merchantId: merchant.id, status: 'CREATED', lines: [{ sku: ours, listing: ours }] })
  await createTestOrder({ merchantId: merchant.id, status: 'IN_TRANSIT', lines: [{ sku: ours, listing: ours }] })
  await createTestOrder({ merchantId: merchant.id, status: 'CANCELLED', lines: [{ sku: ours, listing: theirs }] })
  await createTestOrder({ merchantId: merchant.id, status: 'PACKED', lines: [{ sku: `${theirs}-X`, listing: theirs }] })

  const impact = await getSkuMappingImpact({ merchantId: merchant.id, ourSku: ours, bmSku: theirs })
  expect(impact.counts).toEqual({ openOrdersWithOurSku: 2, fixed: 1, wouldBreak: 1, stillDiffer: 0, openOrdersUsingBmSku: 2 })
  expect(impact.needsConfirmation).toBe(true)
  expect(impact.warnings).toContainEqual({ code: 'open_orders_would_break', severity: 'warning', params: { count: 1, references: breaks.reference, listing: ours } })
})

test('another merchant’s orders, products and mappings are not counted', async () => {
  const a = await createTestMerchant()
  const b = await createTestMerchant()
  const [ours, theirs] = [uniqueSku(), uniqueSku()]
  await createTestOrder({ merchantId: b.id, status: 'VALIDATED', lines: [{ sku: ours, listing: ours }] })
  await db.product.create({ data: { merchantId: b.id, sku: ours, title: 'Theirs', bmListingId: 'cached' } })
  await db.product.create({ data: { merchantId: b.id, sku: theirs, title: 'Theirs too' } })
  await db.skuMapping.create({ data: { merchantId: b.id, ourSku: ours, bmSku: 'ELSEWHERE' } })
  await db.skuMapping.create({ data: { merchantId: b.id, ourSku: 'OTHER', bmSku: theirs } })

  const impact = await getSkuMappingImpact({ merchantId: a.id, ourSku: ours, bmSku: theirs })
  expect(impact.counts).toEqual({ openOrdersWithOurSku: 0, fixed: 0, wouldBreak: 0, stillDiffer: 0, openOrdersUsingBmSku: 0 })
  expect(impact.product).toEqual({ exists: false, bmListingId: null })
  expect(impact.currentMapping).toBeNull()
  expect(impact.warnings.map((w) => w.code)).toEqual(['our_sku_unknown'])
})

test('collisions ignore case: a product of ours named like bmSku, another SKU mapped to it; a product mapped elsewhere does not collide', async () => {
  const merchant = await createTestMerchant()
  const ours = uniqueSku()
  const theirs = `${uniqueSku()}-abc`
  await db.product.createMany({
    data: [
      { merchantId: merchant.id, sku: ours, title: 'Ours', bmListingId: 'cached-id' },
      { merchantId: merchant.id, sku: theirs.toUpperCase(), title: 'Named like theirs' },
      { merchantId: merchant.id, sku: theirs.toLowerCase(), title: 'Also named like theirs, but mapped elsewhere' },
    ],
  })
  await db.skuMapping.createMany({
    data: [
      { merchantId: merchant.id, ourSku: ours, bmSku: 'PREVIOUS' },
      { merchantId: merchant.id, ourSku: 'OTHER-OURS', bmSku: theirs.toUpperCase() },
      { merchantId: merchant.id, ourSku: theirs.toLowerCase(), bmSku: 'SOMEWHERE' },
    ],
  })

  const impact = await getSkuMappingImpact({ merchantId: merchant.id, ourSku: ours, bmSku: theirs })
  expect(impact.currentMapping).toEqual({ bmSku: 'PREVIOUS' })
  expect(impact.warnings.map((w) => [w.code, w.params])).toEqual([
    ['replaces_mapping', { current: 'PREVIOUS' }],
    ['bm_sku_already_mapped', { skus: 'OTHER-OURS', count: 1 }],
    ['bm_sku_is_our_product', { skus: theirs.toUpperCase(), count: 1 }],
    ['cached_listing', { listingId: 'cached-id' }],
  ])
})

test('LIKE wildcards and a trailing backslash in a SKU are plain characters: no false collision, no 500', async () => {
  const merchant = await createTestMerchant()
  await db.product.create({ data: { merchantId: merchant.id, sku: 'ABC', title: 'Any product' } })
  await db.skuMapping.create({ data: { merchantId: merchant.id, ourSku: 'OLD', bmSku: 'XYZ' } })
  await db.product.create({ data: { merchantId: merchant.id, sku: 'Case_100%\\', title: 'Odd SKU' } })

  for (const bmSku of ['%', '___', 'AB_', 'ends\\', '\\']) {
    const impact = await getSkuMappingImpact({ merchantId: merchant.id, ourSku: 'NEW', bmSku })
    expect(impact.warnings.map((w) => w.code)).toEqual(['our_sku_unknown'])
  }
  // A SKU holding those characters still collides with itself, ignoring case.
  const same = await getSkuMappingImpact({ merchantId: merchant.id, ourSku: 'NEW', bmSku: 'CASE_100%\\' })
  expect(same.warnings).toContainEqual(expect.objectContaining({ code: 'bm_sku_is_our_product', params: expect.objectContaining({ skus: 'Case_100%\\' }) }))
})
