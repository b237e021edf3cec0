import { randomBytes } from 'node:crypto'
import { expect, test } from 'vitest'
import { decryptToken, encryptToken } from './token-cipher'

const k = () => randomBytes(32).toString('base64')

test('a token round-trips and never appears in clear', () => {
  const key = k()
  const sealed = encryptToken('secret-token-123', key)
  expect(sealed).not.toContain('secret-token-123')
  expect(decryptToken(sealed, key)).toBe('secret-token-123')
})

test('the same token encrypts differently each time', () => {
  const key = k()
  expect(encryptToken('t', key)).not.toBe(encryptToken('t', key))
})

test('a wrong key or a tampered value is refused', () => {
  const key = k()
  const sealed = encryptToken('t', key)
  expect(() => decryptToken(sealed, k())).toThrow()
  const parts = sealed.split(':')
  parts[3] = Buffer.from('x').toString('base64')
  expect(() => decryptToken(parts.join(':'), key)).toThrow()
})
