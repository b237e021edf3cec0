// A staff user opens a merchant (read-only), chooses to act, changes something, stops, goes back:
// every step is audited for that merchant and names the staff user; read-only refuses changes.
import { expect, test } from 'vitest'
import { POST as open } from '@/app/api/staff/merchants/[id]/open/route'
import { POST as acting } from '@/app/api/staff/session/acting/route'
import { DELETE as close } from '@/app/api/staff/session/route'
import { GET as listOrders } from '@/app/api/orders/route'
import { POST as dismiss } from '@/app/api/sync-issues/[id]/dismiss/route'
import { createSession } from '@/lib/auth/create-session'
import { hashSessionToken } from '@/lib/auth/session-token'
import { db } from '@/lib/db'
import { createTestSyncIssue } from '@/lib/sync/testing/sync-factories'
import { createSignedInStaff, createTestMerchant, createTestOrder, routeParams, testRequest } from '@/test/factories'

const openAs = (cookie: string, merchantId: string, body: unknown = { acting: false }) =>
  open(testRequest(`/api/staff/merchants/${merchantId}/open`, { method: 'POST', cookie, body }), routeParams({ id: merchantId }))
const act = (cookie: string, on: boolean) => acting(testRequest('/api/staff/session/acting', { method: 'POST', cookie, body: { acting: on } }))
const back = (cookie: string) => close(testRequest('/api/staff/session', { method: 'DELETE', cookie }))
const audit = (merchantId: string) => db.auditEvent.findMany({ where: { merchantId }, orderBy: { id: 'asc' } })
const sessionOf = (token: string) => db.session.findUniqueOrThrow({ where: { id: hashSessionToken(token) } })

test('open read-only → act → change → stop → back: each step audited for the merchant, naming the staff user', async () => {
  const merchant = await createTestMerchant()
  const order = await createTestOrder({ merchantId: merchant.id })
  const issue = await createTestSyncIssue({ merchantId: merchant.id, order })
  const staff = await createSignedInStaff()

  // Nothing open: merchant routes say so.
  const none = await listOrders(testRequest('/api/orders', { cookie: staff.cookie }))
  expect(none.status).toBe(403)
  expect((await none.json()).error.details).toEqual({ reason: 'no_merchant_open' })

  const opened = await openAs(staff.cookie, merchant.id)
  expect(opened.status).toBe(200)
  expect(await opened.json()).toEqual({ opened: { merchantId: merchant.id, merchantName: merchant.name, acting: false } })
  expect(await sessionOf(staff.token)).toMatchObject({ staffMerchantId: merchant.id, staffActing: false })
  expect((await listOrders(testRequest('/api/orders', { cookie: staff.cookie }))).status).toBe(200)

  // Read-only: a change is refused with the reason, and nothing changes.
  const dismissIssue = () => dismiss(testRequest(`/api/sync-issues/${issue.id}/dismiss`, { method: 'POST', cookie: staff.cookie, body: { reason: 'Fixed by hand on Back Market' } }), routeParams({ id: issue.id }))
  const refused = await dismissIssue()
  expect(refused.status).toBe(403)
  expect((await refused.json()).error).toMatchObject({ code: 'forbidden', details: { reason: 'staff_read_only' } })
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'OPEN' })

  const started = await act(staff.cookie, true)
  expect(await started.json()).toEqual({ merchantId: merchant.id, acting: true, changed: true })
  // Asking again changes and records nothing.
  expect(await (await act(staff.cookie, true)).json()).toEqual({ merchantId: merchant.id, acting: true, changed: false })

  const dismissed = await dismissIssue()
  expect(dismissed.status).toBe(200)
  expect(await db.syncIssue.findUniqueOrThrow({ where: { id: issue.id } })).toMatchObject({ status: 'DISMISSED', dismissedById: staff.user.id })

  expect(await (await act(staff.cookie, false)).json()).toEqual({ merchantId: merchant.id, acting: false, changed: true })
  const closed = await back(staff.cookie)
  expect(await closed.json()).toEqual({ closed: merchant.id })
  expect(await sessionOf(staff.token)).toMatchObject({ staffMerchantId: null, staffActing: false })

  const rows = await audit(merchant.id)
  expect(rows.map((r) => r.action)).toEqual(['staff.merchant_opened', 'staff.acting_started', 'sync_issue.dismissed', 'staff.acting_stopped'])
  for (const row of rows) expect(row).toMatchObject({ actorKind: 'STAFF', actorId: staff.user.id, actorName: `Support Agent <${staff.user.email}>` })
  expect(rows[0]).toMatchObject({ subjectType: 'merchant', subjectId: merchant.id, after: { acting: false } })
  expect(rows[1]).toMatchObject({ before: { acting: false }, after: { acting: true } })
  expect(rows[2]).toMatchObject({ orderReference: order.reference, subjectId: issue.id })
})

test('closing while acting records that acting stopped; so does opening another merchant, or the same one again', async () => {
  const [first, second] = [await createTestMerchant(), await createTestMerchant()]
  const staff = await createSignedInStaff()
  expect((await openAs(staff.cookie, first.id)).status).toBe(200)
  expect((await act(staff.cookie, true)).status).toBe(200)
  // Opening the same merchant again is read-only again, and says acting stopped.
  expect(await (await openAs(staff.cookie, first.id)).json()).toMatchObject({ opened: { acting: false } })
  expect(await sessionOf(staff.token)).toMatchObject({ staffMerchantId: first.id, staffActing: false })
  expect((await act(staff.cookie, true)).status).toBe(200)
  expect((await openAs(staff.cookie, second.id)).status).toBe(200)
  expect(await sessionOf(staff.token)).toMatchObject({ staffMerchantId: second.id, staffActing: false })
  expect((await act(staff.cookie, true)).status).toBe(200)
  expect(await (await back(staff.cookie)).json()).toEqual({ closed: second.id })
  // Closing with nothing open is no change.
  expect(await (await back(staff.cookie)).json()).toEqual({ closed: null })

  expect((await audit(first.id)).map((r) => [r.action, r.after])).toEqual([
    ['staff.merchant_opened', { acting: false }],
    ['staff.acting_started', { acting: true }],
    ['staff.acting_stopped', { acting: false, closed: false }],
    ['staff.merchant_opened', { acting: false }],
    ['staff.acting_started', { acting: true }],
    ['staff.acting_stopped', { acting: false, closed: true }],
  ])
  expect((await audit(second.id)).map((r) => [r.action, r.after])).toEqual([
    ['staff.merchant_opened', { acting: false }],
    ['staff.acting_started', { acting: true }],
    ['staff.acting_stopped', { acting: false, closed: true }],
  ])
})

test('acting with no merchant open is a 409; an unknown merchant is a 404; a bad body a 400 naming acting', async () => {
  const staff = await createSignedInStaff()
  const res = await act(staff.cookie, true)
  expect(res.status).toBe(409)
  expect((await res.json()).error.details).toEqual({ reason: 'no_merchant_open' })
  expect((await openAs(staff.cookie, '00000000-0000-4000-8000-000000000000')).status).toBe(404)
  expect((await openAs(staff.cookie, 'not-a-uuid')).status).toBe(404)
  const merchant = await createTestMerchant()
  // Acting cannot be asked for when opening (only through /api/staff/session/acting), nor anything else.
  for (const body of [{ acting: 'yes' }, { acting: true }, { acting: false, extra: 1 }]) {
    const bad = await openAs(staff.cookie, merchant.id, body)
    expect(bad.status).toBe(400)
    expect(Object.keys((await bad.json()).error.fields).length).toBeGreaterThan(0)
  }
  expect(await sessionOf(staff.token)).toMatchObject({ staffMerchantId: null })
  expect(await audit(merchant.id)).toEqual([])
})

test('another staff session of the same person keeps its own merchant: opening is per session', async () => {
  const [a, b] = [await createTestMerchant(), await createTestMerchant()]
  const staff = await createSignedInStaff()
  const other = await createSession({ userId: staff.user.id })
  await db.session.update({ where: { id: hashSessionToken(other.token) }, data: { staffMerchantId: a.id, staffActing: true } })
  expect((await openAs(staff.cookie, b.id)).status).toBe(200)
  expect(await sessionOf(other.token)).toMatchObject({ staffMerchantId: a.id, staffActing: true })
  expect(await sessionOf(staff.token)).toMatchObject({ staffMerchantId: b.id, staffActing: false })
})
