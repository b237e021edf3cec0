import { expect, test } from 'vitest'
import { nextAttemptAt, RETRY_DELAYS_MS, RETRY_WINDOW_MS, shouldDisable } from './retry-schedule'

const t0 = new Date('2026-12-06T00:00:00Z')
const H = 3_600_000

test('a delivery failing every time is tried 12 times over 72 hours, then given up', () => {
  const times: Date[] = [t0]
  for (let failed = 1; ; failed++) {
    const next = nextAttemptAt({ failedAttempts: failed, createdAt: t0, now: times.at(-1)! })
    if (!next) break
    times.push(next)
  }
  expect(times).toHaveLength(RETRY_DELAYS_MS.length + 1)
  const offsets = times.map((t) => t.getTime() - t0.getTime())
  expect(offsets.slice(0, 4)).toEqual([0, 5_000, 305_000, 2_105_000])
  expect(offsets.at(-1)).toBeLessThanOrEqual(RETRY_WINDOW_MS)
  expect(offsets.at(-1)).toBeGreaterThan(71 * H)
})

test('an attempt made late (a worker was down) still never schedules past the 72-hour window', () => {
  expect(nextAttemptAt({ failedAttempts: 2, createdAt: t0, now: new Date(t0.getTime() + 71.99 * H) })).toBeNull()
  expect(nextAttemptAt({ failedAttempts: 2, createdAt: t0, now: new Date(t0.getTime() + 1 * H) })).toEqual(new Date(t0.getTime() + H + 300_000))
})

test('an endpoint is disabled after failing for 5 days, not before', () => {
  expect(shouldDisable(null, t0)).toBe(false)
  expect(shouldDisable(t0, new Date(t0.getTime() + 120 * H - 1))).toBe(false)
  expect(shouldDisable(t0, new Date(t0.getTime() + 120 * H))).toBe(true)
})
