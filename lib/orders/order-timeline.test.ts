// The order timeline gathers every source into one list, newest first, and only the order's own.
import { expect, test } from 'vitest'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { createTestSyncAttempt, createTestSyncIssue, createTestSyncTask } from '@/lib/sync/testing/sync-factories'
import { testActor } from '@/test/audit-fixtures'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { getOrderTimeline } from './order-timeline'

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 9, minutes))

test('import, warehouse events, Back Market calls, people’s changes and issues, newest first, a dismissal once; nothing of another order', async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id })
  const other = await createTestOrder({ merchantId: merchant.id })
  await db.order.update({ where: { id: order.id }, data: { createdAt: at(0) } })
  const event = { merchantId: merchant.id, type: 'order.picking_started', payload: {}, payloadHash: 'x'.repeat(64), state: 'APPLIED' as const }
  await db.warehouseEvent.create({ data: { ...event, eventId: `e-${order.reference}`, occurredAt: at(1), subject: `order:${order.reference}` } })
  await db.warehouseEvent.create({ data: { ...event, eventId: `e-${other.reference}`, occurredAt: at(1), subject: `order:${other.reference}` } })
  const { task } = await createTestSyncTask({ merchantId: merchant.id, order })
  await createTestSyncAttempt({ task, reference: order.reference, outcome: 'TRANSIENT_FAILURE', at: at(2), httpStatus: 503, message: 'Back Market is down' })
  await createTestSyncIssue({ merchantId: merchant.id, order, message: 'Back Market is down', firstSeenAt: at(3), status: 'DISMISSED', dismissedAt: at(5) })
  await recordAudit(db, { actor: testActor({ id: 'u1', name: 'Anna' }), merchantId: merchant.id, action: 'order.resync_requested', orderReference: order.reference, at: at(4) })
  await recordAudit(db, { actor: testActor(), merchantId: merchant.id, action: 'order.resync_requested', orderReference: other.reference, at: at(4) })
  await recordAudit(db, { actor: testActor({ id: 'u1', name: 'Anna' }), merchantId: merchant.id, action: 'sync_issue.dismissed', orderReference: order.reference, at: at(5), after: { reason: 'Done by hand' } })

  const timeline = await getOrderTimeline({ merchantId: merchant.id, reference: order.reference })

  expect(timeline.map((e) => [e.kind, e.at])).toEqual([
    // The dismissal once, as the person's change (who and why), not again as the issue's.
    ['audit', at(5).toISOString()],
    ['audit', at(4).toISOString()],
    ['issue_opened', at(3).toISOString()],
    ['sync', at(2).toISOString()],
    ['warehouse', at(1).toISOString()],
    ['imported', at(0).toISOString()],
  ])
  expect(timeline[0]).toMatchObject({ action: 'sync_issue.dismissed', after: { reason: 'Done by hand' } })
  expect(timeline[1]).toMatchObject({ actorName: 'Anna <test@test.example>', actorKind: 'USER', action: 'order.resync_requested' })
  expect(timeline[3]).toMatchObject({ operation: 'ACCEPT', outcome: 'TRANSIENT_FAILURE', httpStatus: 503 })
  expect(timeline[4]).toMatchObject({ type: 'order.picking_started', state: 'APPLIED' })
})

test('another merchant’s reference has no timeline here', async () => {
  const [mine, theirs] = [await createTestMerchant(), await createTestMerchant()]
  const order = await createTestOrder({ merchantId: theirs.id })
  expect(await getOrderTimeline({ merchantId: mine.id, reference: order.reference })).toEqual([])
})
