import { expect, test } from 'vitest'
import { awaitsPreflight } from './get-sync'

const verdict = { canRetryHelp: false, alreadyApplied: false, checks: [], checkedAt: '2025-05-12T10:00:00.000Z' }

test('only a permanent failure waits for the pre-flight the engine stores just after it', () => {
  expect(awaitsPreflight({ status: 'failed', failure: { kind: 'permanent', message: 'x' }, preflight: null })).toBe(true)
  expect(awaitsPreflight({ status: 'failed', failure: { kind: 'permanent', message: 'x' }, preflight: verdict })).toBe(false)
  expect(awaitsPreflight({ status: 'failed', failure: { kind: 'dead', message: 'x' }, preflight: null })).toBe(false)
  expect(awaitsPreflight({ status: 'verified', failure: null, preflight: null })).toBe(false)
})
