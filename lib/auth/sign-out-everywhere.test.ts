import { expect, test } from 'vitest'
import { createSession } from '@/lib/auth/create-session'
import { getSessionFromToken } from '@/lib/auth/get-session-from-token'
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere'
import { createTestMerchant, createTestUser } from '@/test/factories'

test("ends every session of the user, and nobody else's, colleagues of the same merchant included", async () => {
  const merchant = await createTestMerchant()
  const anna = await createTestUser({ merchantId: merchant.id })
  const annaPhone = await createSession({ userId: anna.user.id })
  const colleague = await createTestUser({ merchantId: merchant.id })
  const stranger = await createTestUser({ merchantId: (await createTestMerchant()).id })

  expect(await signOutEverywhere({ userId: anna.user.id })).toEqual({ ended: 2 })
  expect(await getSessionFromToken(anna.token)).toBeNull()
  expect(await getSessionFromToken(annaPhone.token)).toBeNull()
  expect(await getSessionFromToken(colleague.token)).not.toBeNull()
  expect(await getSessionFromToken(stranger.token)).not.toBeNull()
})
