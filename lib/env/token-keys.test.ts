import { randomBytes } from 'node:crypto'
import { expect, test } from 'vitest'
import { parseTokenKeys } from './token-keys'

const rawKey = () => randomBytes(32).toString('base64')

test('the first listed key is the current one; TOKEN_ENCRYPTION_KEY joins as the oldest, "default"', () => {
  const keyring = parseTokenKeys({ keys: ` k2:${rawKey()} , k1:${rawKey()}`, legacyKey: rawKey() })
  expect(keyring.currentId).toBe('k2')
  expect([...keyring.keys.keys()]).toEqual(['k2', 'k1', 'default'])
  expect(parseTokenKeys({ legacyKey: rawKey() }).currentId).toBe('default')
})

test('malformed key lists are refused with a message naming the problem, never the key', () => {
  const secret = rawKey()
  expect(() => parseTokenKeys({})).toThrow(/must be set/)
  expect(() => parseTokenKeys({ keys: secret })).toThrow(/<key id>:<base64 key>/)
  expect(() => parseTokenKeys({ keys: `a:${Buffer.alloc(16).toString('base64')}` })).toThrow(/key "a" must be 32 bytes/)
  expect(() => parseTokenKeys({ keys: `a:${secret},a:${rawKey()}` })).toThrow(/"a" appears twice/)
  expect(() => parseTokenKeys({ keys: `bad id:${secret}` })).toThrow(/letters, digits/)
  for (const keys of [secret, `${secret}:${secret}`, `a:${secret.slice(0, 20)}`]) {
    expect(() => parseTokenKeys({ keys })).toThrow(/TOKEN_ENCRYPTION_KEYS/)
    expect(() => parseTokenKeys({ keys })).not.toThrow(secret.slice(0, 8))
  }
})
