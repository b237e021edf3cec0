import { expect, test } from 'vitest'
import { generateSessionToken, hashSessionToken, isWellFormedSessionToken } from '@/lib/auth/session-token'

test('tokens are 32 random bytes, base64url, never repeated', () => {
  const a = generateSessionToken()
  const b = generateSessionToken()
  expect(Buffer.from(a, 'base64url')).toHaveLength(32)
  expect(a).not.toBe(b)
  expect(isWellFormedSessionToken(a)).toBe(true)
})

test('the stored id is the SHA-256 of the token, not the token', () => {
  const token = generateSessionToken()
  expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/)
  expect(hashSessionToken(token)).toBe(hashSessionToken(token))
  expect(hashSessionToken(token)).not.toContain(token)
})

test('junk is not a token', () => {
  expect(isWellFormedSessionToken('')).toBe(false)
  expect(isWellFormedSessionToken('x'.repeat(42))).toBe(false)
  expect(isWellFormedSessionToken(`${'a'.repeat(42)}=`)).toBe(false)
})
