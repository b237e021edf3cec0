// Sliding-window limiter keyed by token. Pure: the caller passes the clock, so tests can walk
// through a window without sleeping. Back Market blocks for a while once the window overflows
// (docs/backmarket.md §1.10: above 200 requests in 10 s, blocked 10 s); blockMs = 0 only refuses while full.

export interface LimiterOptions {
  limit: number
  windowMs: number
  blockMs: number
}

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number }

export interface Limiter {
  take(key: string, now: number, weight?: number): TakeResult
  reset(): void
}

export function createSlidingWindowLimiter({ limit, windowMs, blockMs }: LimiterOptions): Limiter {
  const hits = new Map<string, number[]>()
  const blockedUntil = new Map<string, number>()

  return {
    take(key, now, weight = 1) {
      const until = blockedUntil.get(key)
      if (until !== undefined) {
        if (now < until) return { ok: false, retryAfterMs: until - now }
        blockedUntil.delete(key)
      }
      const times = hits.get(key) ?? []
      // Timestamps are appended in order, so the expired ones are a prefix.
      let expired = 0
      while (expired < times.length && (times[expired] ?? 0) <= now - windowMs) expired++
      if (expired) times.splice(0, expired)
      if (times.length + weight > limit) {
        if (blockMs > 0) {
          blockedUntil.set(key, now + blockMs)
          hits.delete(key)
          return { ok: false, retryAfterMs: blockMs }
        }
        const oldest = times[0] ?? now
        return { ok: false, retryAfterMs: Math.max(1, oldest + windowMs - now) }
      }
      for (let i = 0; i < weight; i++) times.push(now)
      hits.set(key, times)
      return { ok: true }
    },
    reset() {
      hits.clear()
      blockedUntil.clear()
    },
  }
}
