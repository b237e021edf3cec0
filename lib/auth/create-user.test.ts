import { expect, test } from 'vitest'
import { createUser } from '@/lib/auth/create-user'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createTestMerchant } from '@/test/factories'

test('stores a normalised email and an argon2id hash, never the password', async () => {
  const merchant = await createTestMerchant()
  const email = `Anna.${merchant.id}@Example.COM `
  const user = await createUser({ merchantId: merchant.id, role: 'ADMIN', email, name: 'Anna', password: 'demo-password-1' })
  expect(user.email).toBe(email.trim().toLowerCase())
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } })
  expect(row.passwordHash).toMatch(/^\$argon2id\$/)
  expect(row.passwordHash).not.toContain('demo-password-1')
})

test('a second user with the same email is a conflict', async () => {
  const merchant = await createTestMerchant()
  const email = `dup-${merchant.id}@example.com`
  await createUser({ merchantId: merchant.id, role: 'ADMIN', email, name: 'A', password: 'password-1' })
  const err = await createUser({ merchantId: merchant.id, role: 'ADMIN', email: email.toUpperCase(), name: 'B', password: 'password-2' }).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(AppError)
  expect((err as AppError).code).toBe('conflict')
})

test('refuses a short password', async () => {
  const merchant = await createTestMerchant()
  const err = await createUser({ merchantId: merchant.id, role: 'ADMIN', email: `s-${merchant.id}@example.com`, name: 'A', password: 'short' }).catch((e: unknown) => e)
  expect((err as AppError).code).toBe('bad_request')
  expect((err as AppError).fields).toHaveProperty('password')
})
