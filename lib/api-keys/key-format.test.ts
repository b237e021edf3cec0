import { expect, test } from 'vitest'
import { API_KEY_PATTERN, bearerKey, displayPrefix, generateApiKey, hashApiKey, kindOfKey } from '@/lib/api-keys/key-format'

test('a generated key has its kind prefix and 32 base62 characters, and keys differ', () => {
  const wh = generateApiKey('WAREHOUSE')
  const live = generateApiKey('MERCHANT')
  expect(wh).toMatch(/^bmk_wh_[0-9A-Za-z]{32}$/)
  expect(live).toMatch(/^bmk_live_[0-9A-Za-z]{32}$/)
  expect(kindOfKey(wh)).toBe('WAREHOUSE')
  expect(kindOfKey(live)).toBe('MERCHANT')
  const many = new Set(Array.from({ length: 1000 }, () => generateApiKey('MERCHANT')))
  expect(many.size).toBe(1000)
})

test('every base62 character turns up, none far more often than the others', () => {
  const counts = new Map<string, number>()
  for (let i = 0; i < 2000; i++) for (const c of generateApiKey('WAREHOUSE').slice(7)) counts.set(c, (counts.get(c) ?? 0) + 1)
  expect(counts.size).toBe(62)
  // 64,000 characters over 62: about 1,032 each; a modulo bias towards 0-7 would show as ~25% more.
  for (const n of counts.values()) expect(n).toBeGreaterThan(850)
  for (const n of counts.values()) expect(n).toBeLessThan(1220)
})

test('the stored hash is SHA-256 hex and the shown prefix is the first 12 characters', () => {
  expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  expect(hashApiKey('bmk_wh_abc')).not.toBe(hashApiKey('bmk_wh_abd'))
  expect(displayPrefix('bmk_live_0123456789')).toBe('bmk_live_012')
})

test('bearerKey takes a well-formed key from the Authorization header and nothing else', () => {
  const key = generateApiKey('MERCHANT')
  expect(bearerKey(`Bearer ${key}`)).toBe(key)
  expect(bearerKey(`bearer ${key}`)).toBe(key)
  for (const bad of [null, '', key, `Basic ${key}`, `Bearer ${key}x`, `Bearer ${key} extra`, 'Bearer bmk_wh_short', `Bearer ${key.replace('bmk_live_', 'bmk_test_')}`]) {
    expect(bearerKey(bad)).toBeNull()
  }
  expect(API_KEY_PATTERN.test(key)).toBe(true)
})
