// The Profile page's routes, for everyone who is signed in (viewers and staff too): language and
// zone (saved, cookies set, audited), password change (other sessions end), one's own sessions.
import { expect, test } from 'vitest'
import { createSession } from '@/lib/auth/create-session'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { db } from '@/lib/db'
import { createSignedInMerchant, createSignedInStaff, routeParams, testRequest } from '@/test/factories'
import { auditRows, setCookies } from '@/test/people-fixtures'
import { POST as changePassword } from './password/route'
import { DELETE as revoke } from './sessions/[id]/route'
import { GET as listSessions } from './sessions/route'
import { GET, PATCH } from './route'

type SessionRow = { id: string; browser: string | null; system: string | null; ipAddress: string | null; current: boolean }
const patch = (cookie: string, body: unknown) => PATCH(testRequest('/api/me', { method: 'PATCH', cookie, body }))
const sessionsOf = async (cookie: string) => ((await (await listSessions(testRequest('/api/me/sessions', { cookie }))).json()) as { sessions: SessionRow[] }).sessions

test('a viewer reads their profile and sets language and zone: saved, cookies set, audited before → after', async () => {
  const { merchant, cookie, user } = await createSignedInMerchant({ role: 'VIEWER' })
  const profile = await (await GET(testRequest('/api/me', { cookie }))).json()
  expect(profile).toEqual({ profile: { email: user.email, name: user.name, role: 'VIEWER', merchantName: merchant.name, locale: null, timeZone: null, defaultTimeZone: 'Europe/Paris' } })

  const res = await patch(cookie, { locale: 'fr', timeZone: 'Asia/Tokyo' })
  expect(res.status).toBe(200)
  expect(setCookies(res)).toMatchObject({ bm_locale: 'fr', bm_tz: 'Asia/Tokyo' })
  expect((await getSessionFromToken(cookie.split('=')[1]))?.user).toMatchObject({ locale: 'fr', timeZone: 'Asia/Tokyo' })
  // Back to the merchant's zone.
  expect(setCookies(await patch(cookie, { timeZone: null }))).toMatchObject({ bm_tz: 'Europe/Paris' })
  const rows = await auditRows({ merchantId: merchant.id, action: 'user.preferences_updated' })
  expect(rows.map((r) => [r.before, r.after])).toEqual([
    [{ locale: null, timeZone: null }, { locale: 'fr', timeZone: 'Asia/Tokyo' }],
    [{ locale: 'fr', timeZone: 'Asia/Tokyo' }, { locale: 'fr', timeZone: null }],
  ])
  // The same again changes nothing and records nothing.
  await patch(cookie, { locale: 'fr' })
  expect(await auditRows({ merchantId: merchant.id, action: 'user.preferences_updated' })).toHaveLength(2)
})

test('an unknown zone or language, or nothing at all, is a 400 naming the field', async () => {
  const { cookie } = await createSignedInMerchant()
  for (const [body, field] of [[{ timeZone: 'Mars/Olympus' }, 'timeZone'], [{ locale: 'de' }, 'locale'], [{}, 'locale']] as const) {
    const res = await patch(cookie, body)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { fields: object } }).error.fields).toHaveProperty(field)
  }
})

test('changing one’s password needs the current one; the other sessions end, this one stays; audited', async () => {
  const { merchant, cookie, token, user, password } = await createSignedInMerchant({ role: 'OPERATOR' })
  const phone = await createSession({ userId: user.id })
  const wrong = await changePassword(testRequest('/api/me/password', { method: 'POST', cookie, body: { currentPassword: 'nope', newPassword: 'a new long password' } }))
  expect(wrong.status).toBe(400)
  expect(((await wrong.json()) as { error: { fields: object } }).error.fields).toHaveProperty('currentPassword')
  expect(await getSessionFromToken(phone.token)).not.toBeNull()

  const res = await changePassword(testRequest('/api/me/password', { method: 'POST', cookie, body: { currentPassword: password, newPassword: 'a new long password' } }))
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ sessionsEnded: 1 })
  expect(await getSessionFromToken(phone.token)).toBeNull()
  expect(await getSessionFromToken(token)).not.toBeNull()
  const [row] = await auditRows({ merchantId: merchant.id, action: 'user.password_changed' })
  expect(row).toMatchObject({ actorId: user.id, after: { otherSessionsEnded: 1 } })
  expect(JSON.stringify([row!.before, row!.after])).not.toContain('a new long password')
})

test('the list shows one’s own sessions with browser, address and which is this one; signing one out is audited', async () => {
  const { merchant, cookie, user } = await createSignedInMerchant()
  const laptop = await createSession({ userId: user.id, origin: { ipAddress: '203.0.113.9', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' } })
  const colleague = await createSignedInMerchant()
  const sessions = await sessionsOf(cookie)
  expect(sessions).toHaveLength(2)
  expect(sessions.filter((s) => s.current)).toHaveLength(1)
  const other = sessions.find((s) => !s.current)!
  expect(other).toMatchObject({ browser: 'Firefox', system: 'Linux', ipAddress: '203.0.113.9' })
  expect(JSON.stringify(sessions)).not.toMatch(/[0-9a-f]{64}/)

  // Another person cannot end it: their list does not have it, and its id is not found for them.
  expect((await revoke(testRequest(`/api/me/sessions/${other.id}`, { method: 'DELETE', cookie: colleague.cookie }), routeParams({ id: other.id }))).status).toBe(404)
  const res = await revoke(testRequest(`/api/me/sessions/${other.id}`, { method: 'DELETE', cookie }), routeParams({ id: other.id }))
  expect(res.status).toBe(200)
  expect(await getSessionFromToken(laptop.token)).toBeNull()
  expect(await sessionsOf(cookie)).toHaveLength(1)
  const [row] = await auditRows({ merchantId: merchant.id, action: 'session.revoked' })
  expect(row).toMatchObject({ actorId: user.id, before: { session: expect.objectContaining({ browser: 'Firefox', ipAddress: '203.0.113.9' }) } })

  // Signing out this very session clears the cookie.
  const current = (await sessionsOf(cookie))[0]!
  const self = await revoke(testRequest(`/api/me/sessions/${current.id}`, { method: 'DELETE', cookie }), routeParams({ id: current.id }))
  expect(await self.json()).toEqual({ session: { id: current.id, current: true } })
  expect(setCookies(self).bm_session).toBe('')
})

test('staff use their profile too; their changes are audited outside any merchant, even with a merchant open', async () => {
  const { merchant } = await createSignedInMerchant()
  const staff = await createSignedInStaff({ open: merchant.id })
  expect((await patch(staff.cookie, { timeZone: 'America/New_York' })).status).toBe(200)
  expect(await auditRows({ merchantId: null, action: 'user.preferences_updated', subjectId: staff.user.id })).toEqual([expect.objectContaining({ actorKind: 'STAFF' })])
  expect(await auditRows({ merchantId: merchant.id, action: 'user.preferences_updated' })).toEqual([])
  expect(await db.user.findUniqueOrThrow({ where: { id: staff.user.id } })).toMatchObject({ timeZone: 'America/New_York' })
})
