import { expect, test } from 'vitest'
import { createSlidingWindowLimiter } from './rate-limit'

const backMarket = () => createSlidingWindowLimiter({ limit: 200, windowMs: 10_000, blockMs: 10_000 })

function takeMany(limiter: ReturnType<typeof backMarket>, key: string, n: number, at: number) {
  return Array.from({ length: n }, () => limiter.take(key, at).ok)
}

test('200 requests within 10 s pass and the 201st is refused', () => {
  const limiter = backMarket()
  expect(takeMany(limiter, 'a', 200, 1_000).every(Boolean)).toBe(true)
  expect(limiter.take('a', 9_000)).toEqual({ ok: false, retryAfterMs: 10_000 })
})

test('once blocked, every request is refused for 10 s, then the window starts empty', () => {
  const limiter = backMarket()
  takeMany(limiter, 'a', 201, 0)
  expect(limiter.take('a', 4_000)).toEqual({ ok: false, retryAfterMs: 6_000 })
  expect(limiter.take('a', 9_999)).toEqual({ ok: false, retryAfterMs: 1 })
  expect(takeMany(limiter, 'a', 200, 10_000).every(Boolean)).toBe(true)
  expect(limiter.take('a', 10_001).ok).toBe(false)
})

test('the window slides: hits older than 10 s stop counting one by one', () => {
  const limiter = backMarket()
  takeMany(limiter, 'a', 100, 0)
  takeMany(limiter, 'a', 100, 5_000)
  // At 10 s the first hundred have left the window; at 9.999 s they have not.
  expect(limiter.take('a', 10_000).ok).toBe(true)
  const other = backMarket()
  takeMany(other, 'a', 100, 0)
  takeMany(other, 'a', 100, 5_000)
  expect(other.take('a', 9_999).ok).toBe(false)
})

test('tokens are limited independently', () => {
  const limiter = backMarket()
  takeMany(limiter, 'a', 201, 0)
  expect(limiter.take('b', 0).ok).toBe(true)
})

test('without a block the limiter refuses only until the oldest hit expires', () => {
  const hourly = createSlidingWindowLimiter({ limit: 3, windowMs: 3_600_000, blockMs: 0 })
  expect(takeMany(hourly, 't', 3, 0).every(Boolean)).toBe(true)
  expect(hourly.take('t', 1_000)).toEqual({ ok: false, retryAfterMs: 3_599_000 })
  expect(hourly.take('t', 3_600_000).ok).toBe(true)
})

test('a weighted take counts as that many hits and never half-applies', () => {
  const limiter = createSlidingWindowLimiter({ limit: 5, windowMs: 1_000, blockMs: 0 })
  expect(limiter.take('t', 0, 4).ok).toBe(true)
  expect(limiter.take('t', 0, 2).ok).toBe(false)
  expect(limiter.take('t', 0, 1).ok).toBe(true)
})

test('reset forgets hits and blocks', () => {
  const limiter = backMarket()
  takeMany(limiter, 'a', 201, 0)
  limiter.reset()
  expect(limiter.take('a', 1).ok).toBe(true)
})
