// A staff session that ends while acting on a merchant (sign-out, sign-out everywhere, a password
// changed or reset, a session signed out from the list) leaves staff.acting_stopped in that
// merchant's audit, written with the deletion: the audit never shows an acting that did not end.
import { expect, test } from 'vitest'
import { POST as logout } from '@/app/api/auth/logout/route'
import { POST as changePasswordRoute } from '@/app/api/me/password/route'
import { DELETE as revokeRoute } from '@/app/api/me/sessions/[id]/route'
import { GET as listSessions } from '@/app/api/me/sessions/route'
import { createSession } from '@/lib/auth/create-session'
import { hashSessionToken } from '@/lib/auth/session-token'
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere'
import { db } from '@/lib/db'
import { issueUserToken } from '@/lib/users/issue-user-token'
import { createSignedInStaff, createTestMerchant, routeParams, testRequest } from '@/test/factories'
import { completeReset } from '@/test/people-fixtures'

const stops = (merchantId: string) => db.auditEvent.findMany({ where: { merchantId, action: 'staff.acting_stopped' }, orderBy: { id: 'asc' } })
const actingSession = async (userId: string, merchantId: string) => {
  const s = await createSession({ userId })
  await db.session.update({ where: { id: hashSessionToken(s.token) }, data: { staffMerchantId: merchantId, staffActing: true } })
  return s
}

test('signing out while acting records that acting stopped, naming the staff user; a read-only session records nothing', async () => {
  const [merchant, other] = [await createTestMerchant(), await createTestMerchant()]
  const staff = await createSignedInStaff({ open: merchant.id, acting: true })
  const reader = await createSignedInStaff({ open: other.id })
  expect((await logout(testRequest('/api/auth/logout', { method: 'POST', cookie: staff.cookie }))).status).toBe(204)
  expect((await logout(testRequest('/api/auth/logout', { method: 'POST', cookie: reader.cookie }))).status).toBe(204)
  const rows = await stops(merchant.id)
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({ actorKind: 'STAFF', actorId: staff.user.id, subjectType: 'merchant', subjectId: merchant.id, before: { acting: true }, after: { acting: false, sessionEnded: 'signed_out' } })
  expect(await stops(other.id)).toEqual([])
})

test('sign-out everywhere stops the acting of every session, one row per merchant acted on', async () => {
  const [a, b] = [await createTestMerchant(), await createTestMerchant()]
  const staff = await createSignedInStaff({ open: a.id, acting: true })
  await actingSession(staff.user.id, b.id)
  expect(await signOutEverywhere({ userId: staff.user.id })).toEqual({ ended: 2 })
  expect((await stops(a.id)).map((r) => r.after)).toEqual([{ acting: false, sessionEnded: 'signed_out_everywhere' }])
  expect((await stops(b.id)).map((r) => r.after)).toEqual([{ acting: false, sessionEnded: 'signed_out_everywhere' }])
})

test('a password change ends the other acting sessions; a completed reset ends them all; each is recorded', async () => {
  const [a, b] = [await createTestMerchant(), await createTestMerchant()]
  const staff = await createSignedInStaff()
  await actingSession(staff.user.id, a.id)
  const changed = await changePasswordRoute(testRequest('/api/me/password', { method: 'POST', cookie: staff.cookie, body: { currentPassword: staff.password, newPassword: 'a new long password' } }))
  expect(changed.status).toBe(200)
  expect((await stops(a.id)).map((r) => r.after)).toEqual([{ acting: false, sessionEnded: 'password_changed' }])

  await actingSession(staff.user.id, b.id)
  const { token } = await db.$transaction((tx) => issueUserToken(tx, { userId: staff.user.id, kind: 'PASSWORD_RESET', createdById: null }))
  expect((await completeReset({ token, password: 'another long password' })).status).toBe(200)
  expect((await stops(b.id)).map((r) => r.after)).toEqual([{ acting: false, sessionEnded: 'password_reset' }])
})

test('signing an acting session out from the list of sessions records that acting stopped', async () => {
  const merchant = await createTestMerchant()
  const staff = await createSignedInStaff()
  await actingSession(staff.user.id, merchant.id)
  const { sessions } = (await (await listSessions(testRequest('/api/me/sessions', { cookie: staff.cookie }))).json()) as { sessions: Array<{ id: string; current: boolean }> }
  const target = sessions.find((s) => !s.current)!
  expect((await revokeRoute(testRequest(`/api/me/sessions/${target.id}`, { method: 'DELETE', cookie: staff.cookie }), routeParams({ id: target.id }))).status).toBe(200)
  expect((await stops(merchant.id)).map((r) => r.after)).toEqual([{ acting: false, sessionEnded: 'revoked' }])
})
