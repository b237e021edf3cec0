import { expect, test } from 'vitest'
import type { PreflightVerdict } from '@/lib/sync/preflight-rules'
import { describeSync } from './sync-progress'

const at = '2025-05-12T10:00:00.000Z'
const none = { failure: null, nextAttemptAt: null, sentAt: null, acceptedAt: null, preflight: null }

test('the steps reached on the way to verified', () => {
  expect(describeSync({ ...none, status: 'queued' })).toMatchObject({ phase: 'queued', reached: 0 })
  expect(describeSync({ ...none, status: 'sent', sentAt: at })).toMatchObject({ phase: 'sent', reached: 1 })
  expect(describeSync({ ...none, status: 'accepted', sentAt: at, acceptedAt: at })).toMatchObject({ phase: 'accepted', reached: 2 })
  expect(describeSync({ ...none, status: 'verified', sentAt: at, acceptedAt: at })).toMatchObject({ phase: 'verified', reached: 3, blockers: [] })
})

test('back in the queue after a transient failure: retrying, with the time of the next attempt', () => {
  const p = describeSync({ ...none, status: 'queued', sentAt: at, nextAttemptAt: at, failure: { kind: 'transient', message: 'Back Market could not be reached' } })
  expect(p).toMatchObject({ phase: 'retrying', retryAt: at })
})

test('a permanent failure says whether a retry can help and what blocks it', () => {
  const preflight: PreflightVerdict = {
    canRetryHelp: false,
    alreadyApplied: false,
    checkedAt: at,
    checks: [
      { name: 'reachable', ok: true, detail: 'Back Market answered.' },
      { name: 'transition', ok: false, detail: 'Back Market has A (Cancelled (4))' },
    ],
  }
  const p = describeSync({ ...none, status: 'failed', sentAt: at, failure: { kind: 'permanent', message: 'Order status error.' }, preflight })
  expect(p).toEqual({ phase: 'failed', reached: 1, retryAt: null, canRetryHelp: false, alreadyApplied: false, blockers: [preflight.checks[1]] })
})

test('out of automatic retries without a pre-flight: a retry can help once Back Market answers', () => {
  expect(describeSync({ ...none, status: 'failed', failure: { kind: 'dead', message: 'gave up' } })).toMatchObject({ canRetryHelp: true, reached: 0 })
  expect(describeSync({ ...none, status: 'failed', failure: { kind: 'permanent', message: 'x' } }).canRetryHelp).toBeNull()
})
