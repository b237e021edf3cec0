// The sync webhooks: sync_issue.opened when a failure opens an issue (not when it repeats),
// sync_issue.resolved when it closes, and connection.degraded / connection.recovered on the
// transitions of Merchant.connectionDegradedAt only.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { db } from '@/lib/db'
import type { SyncIssueKind } from '@/lib/generated/prisma/enums'
import { startReceiver } from '@/lib/webhooks/testing/receiver'
import { createTestEndpoint } from '@/lib/webhooks/testing/webhook-factories'
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/events'
import { createTestMerchant, createTestOrder } from '@/test/factories'
import { dismissSyncIssue } from './dismiss-sync-issue'
import { recordSyncFailure, resolveSyncIssues, type IssueTarget } from './record-sync-issue'
import { testActor } from '@/test/audit-fixtures'

async function subscribedMerchant() {
  const merchant = await createTestMerchant()
  const { endpoint } = await createTestEndpoint({ merchantId: merchant.id, url: (await startReceiver()).url, events: [...WEBHOOK_EVENT_TYPES] })
  return { merchant, endpoint }
}

async function target(merchantId: string): Promise<IssueTarget> {
  const order = await createTestOrder({ merchantId, status: 'VALIDATED' })
  return { merchantId, operation: 'ACCEPT', orderId: order.id, reference: order.reference }
}

const fail = (t: IssueTarget, kind: SyncIssueKind = 'STATUS_ERROR') =>
  recordSyncFailure({ target: t, kind, message: 'Back Market refused the update', nextRetryAt: null, taskId: randomUUID() })

const messages = (merchantId: string) =>
  db.webhookMessage.findMany({ where: { merchantId }, orderBy: { createdAt: 'asc' }, include: { deliveries: { select: { endpointId: true, status: true } } } })

test('an issue opened once, failing again, then resolved: one opened and one resolved message, each delivered to the endpoint', async () => {
  const { merchant, endpoint } = await subscribedMerchant()
  const t = await target(merchant.id)
  const issue = await fail(t)
  await fail(t)
  expect(await resolveSyncIssues({ target: t, resolution: 'success' })).toBe(1)
  expect(await resolveSyncIssues({ target: t, resolution: 'success' })).toBe(0)

  const sent = await messages(merchant.id)
  expect(sent.map((m) => m.eventType)).toEqual(['sync_issue.opened', 'sync_issue.resolved'])
  expect(sent[0]!.payload).toMatchObject({ type: 'sync_issue.opened', data: { issue: { id: issue.id, operation: 'accept', kind: 'status_error', status: 'open', reference: t.reference } } })
  expect(sent[1]!.payload).toMatchObject({ type: 'sync_issue.resolved', data: { issue: { id: issue.id, status: 'resolved', resolution: 'success', occurrences: 2 } } })
  expect(sent.flatMap((m) => m.deliveries)).toEqual([
    { endpointId: endpoint.id, status: 'PENDING' },
    { endpointId: endpoint.id, status: 'PENDING' },
  ])
})

test('the connection degrades on its first CONNECTION or CREDENTIALS issue and recovers when the last one closes', async () => {
  const { merchant } = await subscribedMerchant()
  const [a, b, c] = [await target(merchant.id), await target(merchant.id), await target(merchant.id)]
  await fail(c) // an order's own data: not the connection
  expect((await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).connectionDegradedAt).toBeNull()
  await fail(a, 'CONNECTION')
  await fail(b, 'CREDENTIALS')
  await fail(a, 'CONNECTION')
  expect((await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).connectionDegradedAt).not.toBeNull()

  await resolveSyncIssues({ target: a, resolution: 'success' })
  expect((await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).connectionDegradedAt).not.toBeNull()
  await resolveSyncIssues({ target: b, resolution: 'read_back' })
  expect((await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).connectionDegradedAt).toBeNull()

  const types = (await messages(merchant.id)).map((m) => m.eventType).filter((t) => t.startsWith('connection.'))
  expect(types).toEqual(['connection.degraded', 'connection.recovered'])
})

test('a merchant without endpoints gets no messages, and an endpoint gets only the events it chose', async () => {
  const quiet = await createTestMerchant()
  await fail(await target(quiet.id), 'CONNECTION')
  expect(await messages(quiet.id)).toEqual([])

  const picky = await createTestMerchant()
  await createTestEndpoint({ merchantId: picky.id, url: (await startReceiver()).url, events: ['connection.degraded'] })
  await fail(await target(picky.id), 'CONNECTION')
  expect((await messages(picky.id)).map((m) => m.eventType)).toEqual(['connection.degraded'])
})

test('dismissing the last CONNECTION issue sends sync_issue.resolved (status dismissed) and recovers the connection', async () => {
  const { merchant } = await subscribedMerchant()
  const issue = await fail(await target(merchant.id), 'CONNECTION')
  await dismissSyncIssue({ merchantId: merchant.id, issueId: issue.id, actor: testActor(), reason: 'token replaced by hand' })
  expect((await db.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).connectionDegradedAt).toBeNull()
  const sent = await messages(merchant.id)
  expect(sent.map((m) => m.eventType)).toEqual(['sync_issue.opened', 'connection.degraded', 'sync_issue.resolved', 'connection.recovered'])
  expect(sent[2]!.payload).toMatchObject({ data: { issue: { id: issue.id, status: 'dismissed', resolution: null } } })
})
