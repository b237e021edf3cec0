import { expect, test } from 'vitest'
import { levelVerdict } from './stock-level-rules'

const at = (hhmm: string) => new Date(`2026-12-06T${hhmm}:00Z`)

test('a level applies on a SKU never levelled, and over an older level', () => {
  expect(levelVerdict({ levelAt: null, occurredAt: at('09:00') })).toBe('apply')
  expect(levelVerdict({ levelAt: at('09:00'), occurredAt: at('09:05') })).toBe('apply')
})

test('a level counted before the one applied is stale; one at the same instant applies', () => {
  expect(levelVerdict({ levelAt: at('09:05'), occurredAt: at('09:00') })).toBe('stale')
  expect(levelVerdict({ levelAt: at('09:05'), occurredAt: at('09:05') })).toBe('apply')
})
