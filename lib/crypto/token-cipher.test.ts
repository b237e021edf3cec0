import { createCipheriv, randomBytes, randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { parseTokenKeys } from '@/lib/env/token-keys'
import { decryptToken, encryptToken, needsRotation } from './token-cipher'

const rawKey = () => randomBytes(32).toString('base64')
const ring = (...ids: string[]) => parseTokenKeys({ keys: ids.map((id) => `${id}:${rawKey()}`).join(',') })
const merchantId = randomUUID()

/** What the previous version wrote: v1:<iv>:<tag>:<body>, no key id, no associated data. */
function sealV1(plain: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':')
}

test('a token round-trips, never appears in clear, and names the key that sealed it', () => {
  const keyring = ring('2026-12', '2026-01')
  const sealed = encryptToken('secret-token-123', { merchantId, keyring })
  expect(sealed).not.toContain('secret-token-123')
  expect(sealed.split(':').slice(0, 2)).toEqual(['v2', '2026-12'])
  expect(decryptToken(sealed, { merchantId, keyring })).toBe('secret-token-123')
})

test('the same token encrypts differently each time', () => {
  const keyring = ring('a')
  expect(encryptToken('t', { merchantId, keyring })).not.toBe(encryptToken('t', { merchantId, keyring }))
})

test("a ciphertext copied onto another merchant's row does not decrypt there", () => {
  const keyring = ring('a')
  const sealed = encryptToken('t', { merchantId, keyring })
  expect(() => decryptToken(sealed, { merchantId: randomUUID(), keyring })).toThrow()
})

test('a wrong key, a relabelled key id or a tampered value is refused', () => {
  const keyring = ring('a')
  const sealed = encryptToken('t', { merchantId, keyring })
  expect(() => decryptToken(sealed, { merchantId, keyring: parseTokenKeys({ keys: `a:${rawKey()}` }) })).toThrow()
  const both = parseTokenKeys({ keys: `b:${rawKey()},a:${rawKey()}` })
  expect(() => decryptToken(sealed.replace(':a:', ':b:'), { merchantId, keyring: both })).toThrow()
  const parts = sealed.split(':')
  parts[4] = Buffer.from('x').toString('base64')
  expect(() => decryptToken(parts.join(':'), { merchantId, keyring })).toThrow()
  parts[3] = parts[3]!.slice(0, 8)
  expect(() => decryptToken(parts.join(':'), { merchantId, keyring })).toThrow()
})

test('a token sealed with a key no longer configured fails naming that key', () => {
  const sealed = encryptToken('t', { merchantId, keyring: ring('retired') })
  expect(() => decryptToken(sealed, { merchantId, keyring: ring('current') })).toThrow(/key "retired", which is not configured.*current/)
})

test('after a new key is added, old ciphertexts still decrypt and only they need rotation', () => {
  const oldKey = rawKey()
  const before = parseTokenKeys({ keys: `old:${oldKey}` })
  const after = parseTokenKeys({ keys: `new:${rawKey()},old:${oldKey}` })
  const sealedBefore = encryptToken('t', { merchantId, keyring: before })
  expect(decryptToken(sealedBefore, { merchantId, keyring: after })).toBe('t')
  expect(needsRotation(sealedBefore, after)).toBe(true)
  const sealedAfter = encryptToken('t', { merchantId, keyring: after })
  expect(sealedAfter.split(':')[1]).toBe('new')
  expect(needsRotation(sealedAfter, after)).toBe(false)
})

test('the v1 format is still read, with the single TOKEN_ENCRYPTION_KEY or among several keys', () => {
  const legacy = randomBytes(32)
  const sealed = sealV1('legacy-token', legacy)
  const single = parseTokenKeys({ legacyKey: legacy.toString('base64') })
  expect(decryptToken(sealed, { merchantId, keyring: single })).toBe('legacy-token')
  const several = parseTokenKeys({ keys: `new:${rawKey()}`, legacyKey: legacy.toString('base64') })
  expect(decryptToken(sealed, { merchantId, keyring: several })).toBe('legacy-token')
  expect(needsRotation(sealed, several)).toBe(true)
  expect(() => decryptToken(sealed, { merchantId, keyring: ring('other') })).toThrow(/v1 format/)
})
