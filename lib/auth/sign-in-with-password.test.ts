import { expect, test } from 'vitest'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { signInWithPassword } from '@/lib/auth/sign-in-with-password'
import { createTestMerchant, createTestUser } from '@/test/factories'

test('the right password opens a session usable by the session check', async () => {
  const merchant = await createTestMerchant()
  const { user, password } = await createTestUser({ merchantId: merchant.id })
  const result = await signInWithPassword({ email: user.email, password })
  expect(result.ok).toBe(true)
  if (!result.ok) return
  expect((await getSessionFromToken(result.token))?.user.userId).toBe(user.id)
})

test('a wrong password and an unknown email fail the same way', async () => {
  const merchant = await createTestMerchant()
  const { user } = await createTestUser({ merchantId: merchant.id })
  expect(await signInWithPassword({ email: user.email, password: 'wrong password' })).toEqual({ ok: false })
  expect(await signInWithPassword({ email: `nobody-${merchant.id}@example.com`, password: 'whatever' })).toEqual({ ok: false })
})
