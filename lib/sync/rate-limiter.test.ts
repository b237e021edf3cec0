// The shared rate limiter on the real database: bursts, refusals and their retry times, waits,
// penalties.
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, onTestFinished, test } from 'vitest'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { createRateLimiter, gcraParams, type RateLimiterOptions } from './rate-limiter'

function cleanUpKey(key: string): string {
  onTestFinished(async () => {
    await db.rateLimitBucket.deleteMany({ where: { key } })
  })
  return key
}

function testLimiter(opts: Omit<RateLimiterOptions, 'key'>) {
  return createRateLimiter({ key: cleanUpKey(`test:${randomUUID()}`), ...opts })
}

test('whatever the numbers, the ceiling per window is at most the limit less the margin', () => {
  const wrong: string[] = []
  for (const windowMs of [1_000, 7_001, 10_000, 3_600_000]) {
    for (let limit = 2; limit <= 60; limit++) {
      for (let burst = 1; burst < limit; burst++) {
        const margin = (limit - burst - 1) % 3
        const p = gcraParams({ limit, windowMs, burst, margin })
        const proven = burst + Math.floor(windowMs / p.emissionIntervalMs)
        if (p.maxPerWindow !== proven || proven > limit - margin) wrong.push(`${limit}/${windowMs} burst ${burst} margin ${margin}`)
      }
    }
  }
  expect(wrong).toEqual([])
})

test('impossible settings and costs are refused up front', async () => {
  expect(() => gcraParams({ limit: 10, windowMs: 1_000, burst: 8, margin: 2 })).toThrow(RangeError)
  expect(() => gcraParams({ limit: 10, windowMs: 1_000, burst: 0 })).toThrow(RangeError)
  expect(() => gcraParams({ limit: 10.5, windowMs: 1_000, burst: 2 })).toThrow(RangeError)
  const limiter = testLimiter({ limit: 10, windowMs: 1_000, burst: 3 })
  // A cost above the burst could never be admitted: waiting for it would hang forever.
  await expect(limiter.tryAcquire(4)).rejects.toThrow(RangeError)
  await expect(limiter.acquire(0)).rejects.toThrow(RangeError)
})

test('a burst is admitted at once; the next cell is refused until its slot, then admitted', async () => {
  const limiter = testLimiter({ limit: 5, windowMs: 1_000, burst: 2 })
  const T = limiter.emissionIntervalMs
  expect(T).toBe(334)
  const started = performance.now()
  for (let i = 0; i < 2; i++) expect(await limiter.tryAcquire()).toMatchObject({ ok: true })

  const refused = await limiter.tryAcquire()
  if (refused.ok) throw new Error('the cell after the burst was admitted')
  // Due one interval after the burst, less the time the burst itself took.
  expect(refused.retryAfterMs).toBeGreaterThanOrEqual(T - (performance.now() - started) - 1)
  expect(refused.retryAfterMs).toBeLessThanOrEqual(T + 1)

  const half = Math.floor(refused.retryAfterMs / 2)
  await sleep(half)
  expect(await limiter.tryAcquire()).toMatchObject({ ok: false })
  await sleep(refused.retryAfterMs - half)
  expect(await limiter.tryAcquire()).toMatchObject({ ok: true })
})

test('a call can take several cells, and waits for all of them', async () => {
  const limiter = testLimiter({ limit: 10, windowMs: 1_000, burst: 4 })
  const T = limiter.emissionIntervalMs
  expect(await limiter.tryAcquire(4)).toMatchObject({ ok: true })

  const started = performance.now()
  const one = await limiter.tryAcquire(1)
  const two = await limiter.tryAcquire(2)
  const elapsed = performance.now() - started
  if (one.ok || two.ok) throw new Error('admitted with the burst spent')
  // Two cells are due one interval after one cell, less the time between the two asks.
  expect(two.retryAfterMs - one.retryAfterMs).toBeGreaterThanOrEqual(T - elapsed - 1)
  expect(two.retryAfterMs - one.retryAfterMs).toBeLessThanOrEqual(T + 1)

  await sleep(two.retryAfterMs)
  expect(await limiter.tryAcquire(2)).toMatchObject({ ok: true })
  expect(await limiter.tryAcquire(1)).toMatchObject({ ok: false })
})

test('acquire sleeps until the slot, and gives up past maxWaitMs or when aborted', async () => {
  const limiter = testLimiter({ limit: 10, windowMs: 1_000, burst: 2 })
  const T = limiter.emissionIntervalMs
  const started = performance.now()
  const first = await limiter.acquire()
  await limiter.acquire()
  const third = await limiter.acquire()
  expect(performance.now() - started).toBeGreaterThanOrEqual(T - 2)
  expect(performance.now() - started).toBeLessThan(T + 150)
  expect(third.getTime() - first.getTime()).toBeGreaterThanOrEqual(T - 1)

  const gaveUp = await limiter.acquire(1, { maxWaitMs: 10 }).catch((err: unknown) => err)
  expect(gaveUp).toBeInstanceOf(AppError)
  expect(gaveUp).toMatchObject({ code: 'rate_limited', details: { key: limiter.key } })

  await limiter.penalize(5_000)
  const controller = new AbortController()
  const reason = new Error('shutting down')
  const aborted = limiter.acquire(1, { signal: controller.signal })
  setTimeout(() => controller.abort(reason), 30)
  await expect(aborted).rejects.toBe(reason)
})

test('penalize holds every cell back for the block, then resumes at the steady rate without a burst', async () => {
  const limiter = testLimiter({ limit: 4, windowMs: 1_000, burst: 3 })
  const T = limiter.emissionIntervalMs
  expect(await limiter.tryAcquire()).toMatchObject({ ok: true })

  const started = performance.now()
  const until = await limiter.penalize(300)
  // A shorter penalty never shortens a longer one.
  expect((await limiter.penalize(100)).getTime()).toBe(until.getTime())
  const refused = await limiter.tryAcquire()
  const elapsed = performance.now() - started
  if (refused.ok) throw new Error('admitted during the penalty')
  expect(refused.retryAfterMs).toBeGreaterThanOrEqual(300 - elapsed - 1)
  expect(refused.retryAfterMs).toBeLessThanOrEqual(301)

  await sleep(refused.retryAfterMs)
  const resumed = await limiter.tryAcquire()
  if (!resumed.ok) throw new Error('still refused after the penalty')
  expect(resumed.at.getTime()).toBeGreaterThanOrEqual(until.getTime())
  // The burst of 3 does not come back at once: the next cell is a whole interval later.
  const next = await limiter.tryAcquire()
  if (next.ok) throw new Error('a burst right after the penalty')
  expect(next.retryAfterMs).toBeGreaterThan(T / 2)
})
