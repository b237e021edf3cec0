import { expect, test } from 'vitest'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { hashSessionToken } from '@/lib/auth/session-token'
import { db } from '@/lib/db'
import { createTestMerchant, createTestUser } from '@/test/factories'

const DAY = 24 * 60 * 60 * 1000

async function signedIn() {
  const merchant = await createTestMerchant({ name: 'Refurb Republic' })
  const user = await createTestUser({ merchantId: merchant.id, name: 'Anna' })
  return { merchant, ...user }
}

test('a fresh session gives the signed-in context', async () => {
  const { merchant, user, token } = await signedIn()
  const session = await getSessionFromToken(token)
  expect(session?.user).toEqual({ userId: user.id, merchantId: merchant.id, email: user.email, name: 'Anna', merchantName: 'Refurb Republic' })
})

test('unknown, malformed and missing tokens give no session', async () => {
  const { token } = await signedIn()
  expect(await getSessionFromToken(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull()
  expect(await getSessionFromToken('not a token')).toBeNull()
  expect(await getSessionFromToken(undefined)).toBeNull()
})

test('an expired session is refused and deleted', async () => {
  const { token } = await signedIn()
  const id = hashSessionToken(token)
  await db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } })
  expect(await getSessionFromToken(token)).toBeNull()
  expect(await db.session.findUnique({ where: { id } })).toBeNull()
})

test('a session with less than 15 days left is pushed back to 30 days', async () => {
  const { token } = await signedIn()
  const id = hashSessionToken(token)
  const now = new Date()
  await db.session.update({ where: { id }, data: { expiresAt: new Date(now.getTime() + 10 * DAY) } })
  const session = await getSessionFromToken(token, now)
  expect(session?.expiresAt.getTime()).toBe(now.getTime() + 30 * DAY)
  expect((await db.session.findUniqueOrThrow({ where: { id } })).expiresAt.getTime()).toBe(now.getTime() + 30 * DAY)
})

test('a session with more than 15 days left is not rewritten', async () => {
  const { token } = await signedIn()
  const id = hashSessionToken(token)
  const expiresAt = new Date(Date.now() + 20 * DAY)
  await db.session.update({ where: { id }, data: { expiresAt } })
  expect((await getSessionFromToken(token))?.expiresAt).toEqual(expiresAt)
  expect((await db.session.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(expiresAt)
})
