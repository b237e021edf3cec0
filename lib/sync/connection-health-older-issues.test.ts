import { expect, test } from 'vitest'
import { listOlderOpenIssues } from '@/lib/sync/connection-health-older-issues'
import { createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { createTestMerchant, createTestOrder } from '@/test/factories'

const NOW = new Date('2026-12-08T12:00:00.000Z')
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 60 * 60 * 1000)

test('issues still open whose last failure is older than the week are listed, newest failure first, with their age', async () => {
  const merchant = await createTestMerchant()
  const merchantId = merchant.id
  const order = await createTestOrder({ merchantId })
  const waiting = await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-NO-LISTING', firstSeenAt: daysAgo(30), lastSeenAt: daysAgo(9) })
  const accept = await createTestSyncIssue({ merchantId, order, status: 'RETRYING', firstSeenAt: daysAgo(20), lastSeenAt: daysAgo(8) })
  // In the week: the last-20 list shows it already. Closed: nothing to do.
  await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-RECENT', firstSeenAt: daysAgo(10), lastSeenAt: daysAgo(2) })
  await createTestSyncIssue({ merchantId, operation: 'STOCK', sku: 'SKU-FIXED', status: 'RESOLVED', firstSeenAt: daysAgo(30), lastSeenAt: daysAgo(20) })
  await createTestSyncIssue({ merchantId, operation: 'SHIP', order, status: 'DISMISSED', firstSeenAt: daysAgo(30), lastSeenAt: daysAgo(20) })
  // Another merchant's old open issue never shows.
  const other = await createTestMerchant()
  await createTestSyncIssue({ merchantId: other.id, operation: 'STOCK', sku: 'SKU-NO-LISTING', firstSeenAt: daysAgo(30), lastSeenAt: daysAgo(9) })

  expect(await listOlderOpenIssues({ merchantId, now: NOW })).toEqual({
    issues: [
      { id: accept.id, operation: 'parcel_update', action: 'accept', reference: order.reference, sku: null, kind: 'NOT_FOUND', lifecycle: 'retrying', occurrences: 1, firstSeenAt: daysAgo(20), lastSeenAt: daysAgo(8) },
      { id: waiting.id, operation: 'stock_update', action: 'stock', reference: null, sku: 'SKU-NO-LISTING', kind: 'NOT_FOUND', lifecycle: 'open', occurrences: 1, firstSeenAt: daysAgo(30), lastSeenAt: daysAgo(9) },
    ],
    more: false,
  })
  expect(await listOlderOpenIssues({ merchantId, now: NOW, limit: 1 })).toMatchObject({ issues: [{ id: accept.id }], more: true })
})
