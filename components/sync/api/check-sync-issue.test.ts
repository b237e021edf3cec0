import { expect, test } from 'vitest'
import { ApiError } from '@/components/api/api-client'
import { checkRetryAt } from './check-sync-issue'

test('a check refused because the budget is busy says when to try; any other failure does not', () => {
  const at = '2026-12-06T10:42:13.000Z'
  expect(checkRetryAt(new ApiError(429, 'rate_limited', 'busy', { retryAt: at, retryAfterSeconds: 12 }))).toEqual(new Date(at))
  expect(checkRetryAt(new ApiError(429, 'rate_limited', 'busy', { retryAt: 'soon' }))).toBeNull()
  expect(checkRetryAt(new ApiError(502, 'bad_gateway', 'Back Market did not answer'))).toBeNull()
  expect(checkRetryAt(new Error('offline'))).toBeNull()
})
