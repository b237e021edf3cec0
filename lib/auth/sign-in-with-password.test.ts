import { expect, test } from 'vitest'
import { createSession } from '@/lib/auth/create-session'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { hashSessionToken } from '@/lib/auth/session-token'
import { signInWithPassword } from '@/lib/auth/sign-in-with-password'
import { db } from '@/lib/db'
import { createTestMerchant, createTestUser } from '@/test/factories'

async function user() {
  const merchant = await createTestMerchant()
  return createTestUser({ merchantId: merchant.id })
}

test('the right password opens a session usable by the session check', async () => {
  const { user: u, password } = await user()
  const result = await signInWithPassword({ email: u.email, password, clientAddress: null })
  expect(result.ok).toBe(true)
  if (!result.ok) return
  expect((await getSessionFromToken(result.token))?.user.userId).toBe(u.id)
})

test('a wrong password and an unknown email fail the same way', async () => {
  const { user: u } = await user()
  expect(await signInWithPassword({ email: u.email, password: 'wrong password', clientAddress: null })).toEqual({ ok: false, reason: 'invalid' })
  expect(await signInWithPassword({ email: `nobody-${u.id}@example.com`, password: 'whatever', clientAddress: null })).toEqual({ ok: false, reason: 'invalid' })
})

test('signing in opens a new session and ends the one the browser presented; other devices keep theirs', async () => {
  const { user: u, password, token: before } = await user()
  const otherDevice = await createSession({ userId: u.id })
  const result = await signInWithPassword({ email: u.email, password, clientAddress: null, previousToken: before })
  if (!result.ok) throw new Error('sign-in failed')
  expect(result.token).not.toBe(before)
  expect(await db.session.findUnique({ where: { id: hashSessionToken(before) } })).toBeNull()
  expect(await getSessionFromToken(before)).toBeNull()
  expect(await getSessionFromToken(otherDevice.token)).not.toBeNull()
})

test('a wrong password leaves the presented session alone', async () => {
  const { user: u, token } = await user()
  await signInWithPassword({ email: u.email, password: 'wrong password', clientAddress: null, previousToken: token })
  expect(await getSessionFromToken(token)).not.toBeNull()
})
