import { expect, test } from 'vitest'
import { createSession } from '@/lib/auth/create-session'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { hashSessionToken } from '@/lib/auth/session-token'
import { db } from '@/lib/db'
import { createSignedInStaff, createTestMerchant, createTestUser } from '@/test/factories'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

async function signedIn() {
  const merchant = await createTestMerchant({ name: 'Refurb Republic' })
  const user = await createTestUser({ merchantId: merchant.id, name: 'Anna' })
  return { merchant, ...user }
}

test('a fresh session gives the signed-in context', async () => {
  const { merchant, user, token } = await signedIn()
  const session = await getSessionFromToken(token)
  expect(session?.user).toEqual({
    userId: user.id,
    merchantId: merchant.id,
    email: user.email,
    name: 'Anna',
    merchantName: 'Refurb Republic',
    userRole: 'ADMIN',
    role: 'ADMIN',
    staff: null,
    timeZone: 'Europe/Paris',
    locale: null,
    actor: { kind: 'USER', id: user.id, name: `Anna <${user.email}>`, ipAddress: null, userAgent: null },
  })
})

test("a user's own time zone wins over the merchant's; a removed user has no session", async () => {
  const { user, token } = await signedIn()
  await db.user.update({ where: { id: user.id }, data: { timeZone: 'Asia/Tokyo', role: 'VIEWER' } })
  expect((await getSessionFromToken(token))?.user).toMatchObject({ timeZone: 'Asia/Tokyo', role: 'VIEWER', userRole: 'VIEWER' })
  await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } })
  expect(await getSessionFromToken(token)).toBeNull()
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0)
})

test('staff have no merchant until they open one, then read it, and act only when they choose to', async () => {
  const merchant = await createTestMerchant({ name: 'Phone Phoenix' })
  const staff = await createSignedInStaff()
  expect((await getSessionFromToken(staff.token))?.user).toMatchObject({ userRole: 'STAFF', merchantId: null, role: null, staff: { acting: false }, timeZone: 'UTC', actor: { kind: 'STAFF' } })
  const id = hashSessionToken(staff.token)
  await db.session.update({ where: { id }, data: { staffMerchantId: merchant.id } })
  expect((await getSessionFromToken(staff.token))?.user).toMatchObject({ merchantId: merchant.id, merchantName: 'Phone Phoenix', role: 'VIEWER', staff: { acting: false }, timeZone: 'Europe/Paris' })
  await db.session.update({ where: { id }, data: { staffActing: true } })
  expect((await getSessionFromToken(staff.token))?.user).toMatchObject({ role: 'ADMIN', staff: { acting: true } })
})

test('unknown, malformed and missing tokens give no session', async () => {
  const { token } = await signedIn()
  expect(await getSessionFromToken(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull()
  expect(await getSessionFromToken('not a token')).toBeNull()
  expect(await getSessionFromToken(undefined)).toBeNull()
})

/** A session opened at a fixed sign-in time; `at(ms)` is a moment that long after it. */
async function sessionSignedIn() {
  const { user } = await signedIn()
  const signIn = new Date('2026-11-01T08:00:00Z')
  const { token } = await createSession({ userId: user.id, now: signIn })
  const at = (ms: number) => new Date(signIn.getTime() + ms)
  const row = () => db.session.findUnique({ where: { id: hashSessionToken(token) } })
  return { token, signIn, at, row }
}

test('a session used every day still ends 30 days after sign-in, and is deleted', async () => {
  const { token, at, row } = await sessionSignedIn()
  for (let day = 1; day < 30; day++) {
    expect(await getSessionFromToken(token, at(day * DAY)), `day ${day}`).not.toBeNull()
  }
  expect(await getSessionFromToken(token, at(30 * DAY))).toBeNull()
  expect(await row()).toBeNull()
})

test('a session unused for 7 days ends, and is deleted', async () => {
  const { token, at, row } = await sessionSignedIn()
  expect(await getSessionFromToken(token, at(2 * DAY))).not.toBeNull()
  expect(await getSessionFromToken(token, at(9 * DAY - 1))).not.toBeNull()
  // That use counted too: 7 days from it, not from the one before.
  expect(await getSessionFromToken(token, at(16 * DAY - 1))).toBeNull()
  expect(await row()).toBeNull()
})

test('use is written at most once an hour, and the answer says when the session ends if left alone', async () => {
  const { token, signIn, at, row } = await sessionSignedIn()
  const soon = await getSessionFromToken(token, at(HOUR / 2))
  expect((await row())?.lastSeenAt).toEqual(signIn)
  expect(soon?.expiresAt).toEqual(at(7 * DAY))

  expect((await getSessionFromToken(token, at(DAY)))?.expiresAt).toEqual(at(8 * DAY))
  expect((await row())?.lastSeenAt).toEqual(at(DAY))
  // Used daily up to day 27: now the absolute end comes first.
  let session = null
  for (let day = 2; day <= 27; day++) session = await getSessionFromToken(token, at(day * DAY))
  expect(session?.expiresAt).toEqual(at(30 * DAY))
})
