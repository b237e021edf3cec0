// The shared rate limiter on the real database: bursts, refusals and their retry times, waits,
// penalties, and the limit holding for acquirers in other processes with their own connections.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import {
  BACKMARKET_REQUEST_LIMIT,
  BACKMARKET_SKU_LINE_LIMIT,
  backMarketRequestLimiter,
  backMarketSkuLineLimiter,
} from './backmarket-limits'
import { createRateLimiter, gcraParams, type RateLimiterOptions } from './rate-limiter'
import type { HammerRun } from './testing/hammer-rate-limiter'

function cleanUpKey(key: string): string {
  onTestFinished(async () => {
    await db.rateLimitBucket.deleteMany({ where: { key } })
  })
  return key
}

function testLimiter(opts: Omit<RateLimiterOptions, 'key'>) {
  return createRateLimiter({ key: cleanUpKey(`test:${randomUUID()}`), ...opts })
}

/** The most admissions in any closed window of `windowMs` (a busiest window starts at an admission). */
function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b)
  let max = 0
  let end = 0
  for (const [start, first] of t.entries()) {
    while (end < t.length && (t[end] ?? Infinity) <= first + windowMs) end++
    max = Math.max(max, end - start)
  }
  return max
}

test('the Back Market numbers stay under Back Market’s limits and use most of them', () => {
  const requests = gcraParams(BACKMARKET_REQUEST_LIMIT)
  // Spaced, not bunched: one request every 51 ms, 0.98 of the limit, 197 at most by our clock.
  expect(requests).toEqual({ emissionIntervalMs: 51, burst: 1, maxPerWindow: 197, spreadBudgetMs: 199 })
  expect(BACKMARKET_REQUEST_LIMIT.windowMs / requests.emissionIntervalMs).toBeGreaterThanOrEqual(0.98 * 200)
  // A worker's own lateness may use at most half of what arrivals may spread by.
  expect(BACKMARKET_REQUEST_LIMIT.lateMs).toBeLessThanOrEqual(requests.spreadBudgetMs / 2 + 1)

  const lines = gcraParams(BACKMARKET_SKU_LINE_LIMIT)
  expect(lines).toMatchObject({ emissionIntervalMs: 1_895, burst: 50, maxPerWindow: 1_949 })
  expect(BACKMARKET_SKU_LINE_LIMIT.windowMs / lines.emissionIntervalMs).toBeGreaterThanOrEqual(1_899)
})

test('whatever the numbers, the ceiling per window is at most the limit less the margin', () => {
  const wrong: string[] = []
  for (const windowMs of [1_000, 7_001, 10_000, 3_600_000]) {
    for (let limit = 2; limit <= 60; limit++) {
      for (let burst = 1; burst < limit; burst++) {
        const margin = (limit - burst - 1) % 3
        const p = gcraParams({ limit, windowMs, burst, margin })
        const proven = burst + Math.floor(windowMs / p.emissionIntervalMs)
        if (p.maxPerWindow !== proven || proven > limit - margin) wrong.push(`${limit}/${windowMs} burst ${burst} margin ${margin}`)
        // Arrivals spread by the budget still fit the limit in any window; one ms more may not.
        const arriving = (spreadMs: number) => burst + Math.floor((windowMs + spreadMs) / p.emissionIntervalMs)
        if (p.spreadBudgetMs < 0 || arriving(p.spreadBudgetMs) > limit || arriving(p.spreadBudgetMs + 1) <= limit) {
          wrong.push(`${limit}/${windowMs} burst ${burst} margin ${margin}: spread budget ${p.spreadBudgetMs}`)
        }
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

test('a caller that wakes after its slot by more than lateMs gives the slot up and reserves again', async () => {
  const opts = { limit: 5, windowMs: 1_000, burst: 1 }
  const T = gcraParams(opts).emissionIntervalMs
  // Without lateMs, a caller that slept takes its slot however late the timer fired.
  const lenient = testLimiter(opts)
  const first = await lenient.acquire()
  expect((await lenient.acquire()).getTime() - first.getTime()).toBe(T)

  // With lateMs 0 every wake is late (a timer never fires exactly on time): each slot is given up
  // and the next one reserved, until the next is beyond the caller's bound.
  const strict = testLimiter({ ...opts, lateMs: 0 })
  const admitted = await strict.tryAcquire()
  if (!admitted.ok) throw new Error('an idle bucket refused a cell')
  const started = admitted.at
  const gaveUp = await strict.acquire(1, { maxWaitMs: 2.5 * T }).catch((err: unknown) => err)
  expect(gaveUp).toMatchObject({ code: 'rate_limited' })
  const bucket = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: strict.key } })
  // The first cell, then at least the two slots given up: nothing was admitted twice for them.
  expect(bucket.tat.getTime() - started.getTime()).toBeGreaterThanOrEqual(3 * T)
  expect(() => testLimiter({ ...opts, lateMs: -1 })).toThrow(RangeError)
})

test("the caller's round trip before its send runs in the lead before the slot; one that makes the caller late gives the slot up", async () => {
  const opts = { limit: 5, windowMs: 1_000, burst: 1, lateMs: 50 }
  const T = gcraParams(opts).emissionIntervalMs
  const limiter = testLimiter(opts)
  const admitted = await limiter.tryAcquire()
  if (!admitted.ok) throw new Error('an idle bucket refused a cell')
  // A quick round trip: run once, before the slot is handed out, and the slot is kept.
  let calls = 0
  const slot = await limiter.acquire(1, { beforeSlot: async () => void calls++ })
  expect(calls).toBe(1)
  expect(slot.getTime() - admitted.at.getTime()).toBe(T)

  // One far slower than the lead and lateMs: the slot is given up, the next reserved, and the
  // round trip made again before that one (quick this time).
  const slow = await limiter.acquire(1, {
    beforeSlot: async () => {
      if (calls++ === 1) await sleep(T)
    },
  })
  expect(calls).toBe(3)
  expect(slow.getTime() - slot.getTime()).toBeGreaterThanOrEqual(2 * T)
  // An idle bucket's slot is now: the round trip still runs before acquire returns.
  const idle = testLimiter(opts)
  await idle.acquire(1, { beforeSlot: async () => void calls++ })
  expect(calls).toBe(4)
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

test('each merchant has its own request and SKU-line budgets', async () => {
  const [a, b] = [randomUUID(), randomUUID()]
  const limiters = [backMarketSkuLineLimiter(a), backMarketSkuLineLimiter(b), backMarketRequestLimiter(a)] as const
  for (const l of limiters) cleanUpKey(l.key)
  const [linesA, linesB, requestsA] = limiters

  expect(await linesA.tryAcquire(BACKMARKET_SKU_LINE_LIMIT.burst)).toMatchObject({ ok: true })
  expect(await linesA.tryAcquire()).toMatchObject({ ok: false })
  expect(await linesB.tryAcquire()).toMatchObject({ ok: true })
  expect(await requestsA.tryAcquire()).toMatchObject({ ok: true })
})

// ---- Other processes: each child is a worker with its own pg pool (lib/sync/testing). ----

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs')
const HAMMER = fileURLToPath(new URL('./testing/hammer-rate-limiter.ts', import.meta.url))
const ACQUIRERS_PER_PROCESS = 10

/** A child process serving hammer runs one after another, each answered by one stdout line. */
function startHammer() {
  const child = spawn(process.execPath, [TSX, '--conditions=react-server', HAMMER], {
    env: { ...process.env, DB_POOL_MAX: String(ACQUIRERS_PER_PROCESS) },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const waiting: Array<{ resolve: (line: string) => void; reject: (err: Error) => void }> = []
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.resolve(line))
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`hammer exited (${code}): ${stderr}`))
  })
  const nextLine = () => new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }))
  return {
    ready: nextLine(),
    async run(run: HammerRun): Promise<number[]> {
      const answer = nextLine()
      child.stdin.write(`${JSON.stringify(run)}\n`)
      return (JSON.parse(await answer) as { admissions: number[] }).admissions
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      if (child.exitCode === null) child.stdin.end()
      await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))])
    },
  }
}

// Booting a process takes seconds on a small machine: two are started once for the file.
let hammers: Array<ReturnType<typeof startHammer>> = []
beforeAll(async () => {
  hammers = [startHammer(), startHammer()]
  await Promise.all(hammers.map((h) => h.ready))
})
afterAll(async () => {
  await Promise.all(hammers.map((h) => h.stop()))
})

test('20 acquirers in two processes never exceed the limit in any window, and use 0.9 of the rate', async () => {
  const key = cleanUpKey(`test:${randomUUID()}`)
  const opts = { key, limit: 20, windowMs: 1_000, burst: 2 }
  const { maxPerWindow } = gcraParams(opts)
  const perProcess = await Promise.all(
    hammers.map((h) => h.run({ ...opts, concurrency: ACQUIRERS_PER_PROCESS, durationMs: 3_000 })),
  )

  for (const admissions of perProcess) expect(admissions.length).toBeGreaterThan(10)
  const all = perProcess.flat().sort((x, y) => x - y)
  const busiest = maxInWindow(all, opts.windowMs)
  expect(busiest).toBeLessThanOrEqual(opts.limit)
  expect(busiest).toBeLessThanOrEqual(maxPerWindow)
  // Past the opening burst a cell is due every T: the configured rate is (limit − burst) per window.
  const spanMs = (all.at(-1) ?? 0) - (all[0] ?? 0)
  const sustained = (all.length - opts.burst) / spanMs
  const configured = (opts.limit - opts.burst) / opts.windowMs
  expect(sustained / configured).toBeGreaterThanOrEqual(0.9)
})

test('a penalty set by one client stops the acquirers of another process, who resume after it', async () => {
  const key = cleanUpKey(`test:${randomUUID()}`)
  const opts = { key, limit: 20, windowMs: 1_000, burst: 2 }
  const T = gcraParams(opts).emissionIntervalMs
  const [hammer] = hammers
  if (!hammer) throw new Error('no hammer process')
  const running = hammer.run({ ...opts, concurrency: 4, durationMs: 2_000 })
  await sleep(600)
  const blockMs = 800
  const until = (await createRateLimiter(opts).penalize(blockMs)).getTime()
  const admissions = (await running).sort((x, y) => x - y)

  const before = admissions.filter((t) => t < until - blockMs)
  // A statement that took the row lock just before the penalty may carry a clock reading a few
  // ms after the penalty's own.
  const during = admissions.filter((t) => t >= until - blockMs + 50 && t < until)
  const after = admissions.filter((t) => t >= until)
  expect(before.length).toBeGreaterThan(5)
  expect(during).toEqual([])
  expect(after.length).toBeGreaterThan(5)
  expect((after[0] ?? Infinity) - until).toBeLessThan(T + 150)
  // No burst after the block: the schedule restarts at `until`, one cell per interval.
  expect((after[1] ?? 0) - until).toBeGreaterThanOrEqual(T)
})
