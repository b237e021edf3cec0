// Accepting an invitation: the link works once, before it expires; the new person is active and
// signed in (session, language and zone cookies); every refused link gets the same answer.
import { expect, test } from 'vitest'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { SESSION_COOKIE_NAME } from '@/lib/auth/session-cookie'
import { db } from '@/lib/db'
import { INVALID_LINK_MESSAGE } from '@/lib/users/redeem-user-token'
import { hashOneTimeToken } from '@/lib/users/one-time-token'
import { createSignedInMerchant, createTestUser } from '@/test/factories'
import { accept, auditRows, invite, setCookies, tokenOf } from '@/test/people-fixtures'

test('accepting sets the name and password, signs in with the merchant’s zone, and is audited by the new person', async () => {
  const { merchant, cookie } = await createSignedInMerchant()
  await db.merchant.update({ where: { id: merchant.id }, data: { timeZone: 'Europe/Paris' } })
  const invited = await invite(cookie, { role: 'VIEWER' })
  const res = await accept({ token: tokenOf(invited.link.url), name: '  Nina Martin ', password: 'a long password' }, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ user: { email: invited.user.email, name: 'Nina Martin' }, next: '/orders' })
  const cookies = setCookies(res)
  expect(cookies.bm_tz).toBe('Europe/Paris')
  const session = await getSessionFromToken(cookies[SESSION_COOKIE_NAME])
  expect(session?.user).toMatchObject({ userId: invited.user.id, merchantId: merchant.id, role: 'VIEWER', timeZone: 'Europe/Paris' })
  expect(await db.user.findUniqueOrThrow({ where: { id: invited.user.id } })).toMatchObject({ name: 'Nina Martin', passwordHash: expect.any(String), activatedAt: expect.any(Date) })
  expect(await db.session.findFirst({ where: { userId: invited.user.id } })).toMatchObject({ ipAddress: '198.51.100.7', userAgent: expect.stringContaining('Firefox') })
  const [row] = await auditRows({ merchantId: merchant.id, action: 'user.invitation_accepted' })
  expect(row).toMatchObject({ actorKind: 'USER', actorId: invited.user.id, ipAddress: '198.51.100.7', after: { name: 'Nina Martin', status: 'active' } })
})

test('used, expired, revoked and unknown links all get the same 404, with nothing changed', async () => {
  const { cookie } = await createSignedInMerchant()
  const used = await invite(cookie)
  expect((await accept({ token: tokenOf(used.link.url), name: 'A', password: 'a long password' })).status).toBe(200)
  const expired = await invite(cookie)
  await db.userToken.update({ where: { id: hashOneTimeToken(tokenOf(expired.link.url)) }, data: { expiresAt: new Date(Date.now() - 1000) } })
  const removed = await invite(cookie)
  await db.user.update({ where: { id: removed.user.id }, data: { deactivatedAt: new Date() } })
  const tokens = [tokenOf(used.link.url), tokenOf(expired.link.url), tokenOf(removed.link.url), 'A'.repeat(43), 'junk']
  const answers = await Promise.all(tokens.map(async (token) => {
    const res = await accept({ token, name: 'B', password: 'another long password' })
    return [res.status, await res.json(), setCookies(res)[SESSION_COOKIE_NAME]]
  }))
  for (const answer of answers) expect(answer).toEqual([404, { error: { code: 'not_found', message: INVALID_LINK_MESSAGE, details: { reason: 'invalid_link' } } }, undefined])
  expect(await db.user.findUniqueOrThrow({ where: { id: expired.user.id } })).toMatchObject({ passwordHash: null, name: 'Nina Invited' })
  expect(await db.user.findUniqueOrThrow({ where: { id: used.user.id } })).toMatchObject({ name: 'A' })
})

test('the same link submitted twice at once signs in only one of them', async () => {
  const { cookie } = await createSignedInMerchant()
  const invited = await invite(cookie)
  const answers = await Promise.all([1, 2].map(() => accept({ token: tokenOf(invited.link.url), name: 'Twice', password: 'a long password' })))
  expect(answers.map((r) => r.status).sort()).toEqual([200, 404])
  expect(await db.session.count({ where: { userId: invited.user.id } })).toBe(1)
})

test('a weak password or no name is a 400 naming the field, and the link still works afterwards', async () => {
  const { cookie } = await createSignedInMerchant()
  const invited = await invite(cookie)
  const res = await accept({ token: tokenOf(invited.link.url), name: '', password: 'short' })
  expect(res.status).toBe(400)
  expect(Object.keys(((await res.json()) as { error: { fields: object } }).error.fields).sort()).toEqual(['name', 'password'])
  expect((await accept({ token: tokenOf(invited.link.url), name: 'Ok', password: 'a long password' })).status).toBe(200)
})

test('a cross-site POST is refused before the link is looked at', async () => {
  const merchant = await createSignedInMerchant()
  const invited = await invite(merchant.cookie)
  const res = await accept({ token: tokenOf(invited.link.url), name: 'X', password: 'a long password' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })
  expect(res.status).toBe(403)
  expect(await db.user.findUniqueOrThrow({ where: { id: invited.user.id } })).toMatchObject({ passwordHash: null })
  // An active person's session is not touched by anyone else's invitation.
  const other = await createTestUser({ merchantId: merchant.merchant.id })
  expect(await getSessionFromToken(other.token)).not.toBeNull()
})
