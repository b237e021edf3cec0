import { expect, test } from 'vitest'
import type { SyncIssueStatus } from '@/lib/generated/prisma/enums'
import { canTransitionIssue, statusAfterFailure } from './issue-lifecycle'

const ALL: SyncIssueStatus[] = ['OPEN', 'RETRYING', 'RESOLVED', 'DISMISSED']

test('open and retrying issues can retry, reopen, resolve or be dismissed', () => {
  for (const from of ['OPEN', 'RETRYING'] as const) {
    for (const to of ALL) expect(canTransitionIssue(from, to)).toBe(true)
  }
})

test('resolved and dismissed issues are final', () => {
  for (const from of ['RESOLVED', 'DISMISSED'] as const) {
    for (const to of ALL) expect(canTransitionIssue(from, to)).toBe(false)
  }
})

test('a failure with a retry scheduled is retrying; without, open', () => {
  expect(statusAfterFailure(true)).toBe('RETRYING')
  expect(statusAfterFailure(false)).toBe('OPEN')
})
