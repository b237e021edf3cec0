// What the sandbox's request log says — the log is what "Back Market" received, so it is the
// truth the benchmark measures against. Pure functions, unit-tested in analyse.test.ts.
import { tokenId } from '@/sandbox/backmarket/redact'

export type LoggedRequest = { at: string; method: string; path: string; tokenId: string | null; status: number | null; body: unknown }

/** Back Market's limit: 200 requests in any 10 s per token, i.e. 20 requests/s sustained. */
export const LIMIT = { requests: 200, windowMs: 10_000 } as const
export const LIMIT_PER_SECOND = (LIMIT.requests / LIMIT.windowMs) * 1_000

export type RequestKind = 'accept' | 'readOrder' | 'importList' | 'other'

/** The sync engine's POST (accept) and GET of one order, the importer's order listing. */
export function kindOf(r: Pick<LoggedRequest, 'method' | 'path'>): RequestKind {
  if (/^\/ws\/orders\/\d+$/.test(r.path)) return r.method === 'POST' ? 'accept' : r.method === 'GET' ? 'readOrder' : 'other'
  if (r.method === 'GET' && /^\/ws\/orders\/?(\?|$)/.test(r.path)) return 'importList'
  return 'other'
}

/** Most timestamps (ms, sorted ascending) inside any window [t, t + windowMs). */
export function maxInWindow(sortedMs: number[], windowMs: number): number {
  let best = 0
  for (let i = 0, j = 0; j < sortedMs.length; j++) {
    while (sortedMs[j]! - sortedMs[i]! >= windowMs) i++
    best = Math.max(best, j - i + 1)
  }
  return best
}

export type TokenThroughput = {
  token: string
  requests: number
  /** Answered 429 (the sandbox's limiter, or an injected 429 in a fault run). */
  r429: number
  byKind: Record<RequestKind, number>
  busySeconds: number
  perSecond: number
  /** perSecond ÷ 20: the share of Back Market's limit this token used while it had work. */
  ratio: number
  maxIn10s: number
  /** The same for the requests our shared limiter admits (the engine's); the importer's listing bypasses it. */
  maxIn10sLimited: number
  /**
   * Seconds of the busy period lost in gaps: each gap between two arrivals longer than two of the
   * limit's intervals (100 ms) counts past one interval. Moments nobody had a request ready for
   * the token (or a 429's block), as opposed to the limiter's own spacing.
   */
  idleSeconds: number
}

/** Two intervals of Back Market's limit (50 ms each): a gap longer than this is idle time. */
const IDLE_GAP_MS = (2 * LIMIT.windowMs) / LIMIT.requests

export function idleSeconds(sortedMs: number[]): number {
  let idle = 0
  for (let i = 1; i < sortedMs.length; i++) {
    const gap = sortedMs[i]! - sortedMs[i - 1]!
    if (gap > IDLE_GAP_MS) idle += gap - IDLE_GAP_MS / 2
  }
  return idle / 1_000
}

/**
 * One token's requests from `sinceMs` on. The busy period runs from its first to its last
 * request: the share of the limit used while the token had work queued.
 */
export function tokenThroughput(token: string, entries: LoggedRequest[], sinceMs: number): TokenThroughput {
  // The sandbox's log names a token by its fingerprint only (sandbox/backmarket/redact.ts).
  const id = tokenId(token)
  const mine = entries.filter((e) => e.tokenId === id && Date.parse(e.at) >= sinceMs)
  const times = mine.map((e) => Date.parse(e.at)).sort((a, b) => a - b)
  const byKind: Record<RequestKind, number> = { accept: 0, readOrder: 0, importList: 0, other: 0 }
  for (const e of mine) byKind[kindOf(e)]++
  const busySeconds = times.length > 1 ? (times.at(-1)! - times[0]!) / 1_000 : 0
  // n requests over a span hold n − 1 intervals.
  const perSecond = busySeconds > 0 ? (times.length - 1) / busySeconds : 0
  return {
    token,
    requests: mine.length,
    r429: mine.filter((e) => e.status === 429).length,
    byKind,
    busySeconds,
    perSecond,
    ratio: perSecond / LIMIT_PER_SECOND,
    maxIn10s: maxInWindow(times, LIMIT.windowMs),
    maxIn10sLimited: maxInWindow(
      mine.filter((e) => kindOf(e) === 'accept' || kindOf(e) === 'readOrder').map((e) => Date.parse(e.at)).sort((a, b) => a - b),
      LIMIT.windowMs,
    ),
    idleSeconds: idleSeconds(times),
  }
}

/** A POST that never reached the order route: the sandbox's faults and its limiter answer first, and apply nothing. */
export function reachedRoute(r: Pick<LoggedRequest, 'status'>): boolean {
  return r.status !== null && r.status !== 429 && r.status !== 502 && r.status !== 503
}

export type LineToCheck = {
  token: string
  reference: string
  sku: string
  taskStatus: string
  failureKind: string | null
  /** The line's state in the sandbox at the end. */
  finalState: number | null
}

export type LineVerdict = LineToCheck & {
  posts: number
  applied: number
  /** POSTs of this accept sent after one was applied: Back Market would have seen it twice. */
  resentAfterApplied: number
}

export type ExactlyOnce = {
  lines: number
  appliedOnce: number
  /** Lines whose accept reached Back Market more than once (must be none). */
  duplicates: LineVerdict[]
  /** Lines not accepted although their task finished and was not dead-lettered (must be none). */
  lost: LineVerdict[]
  /** Lines whose task was still queued or running when the run gave up: not judged. */
  unfinished: LineVerdict[]
  /** Dead-lettered tasks: given up after the retry budget, listed for a human. */
  dead: LineVerdict[]
  /** Lines in state 2 without a logged POST answered 200, or with one but not in state 2: inconsistent. */
  inconsistent: LineVerdict[]
}

const isAcceptOf = (e: LoggedRequest, line: LineToCheck) => {
  if (e.method !== 'POST' || e.path !== `/ws/orders/${line.reference}`) return false
  const b = e.body as { new_state?: unknown; sku?: unknown } | null
  return b !== null && typeof b === 'object' && Number(b.new_state) === 2 && b.sku === line.sku
}

export function checkExactlyOnce(lines: LineToCheck[], entriesByToken: Map<string, LoggedRequest[]>): ExactlyOnce {
  // Index POSTs by path once: 10,000 lines × every entry would be slow.
  const posts = new Map<string, LoggedRequest[]>()
  for (const [token, entries] of entriesByToken) {
    for (const e of entries) {
      if (e.method !== 'POST') continue
      const key = `${token} ${e.path}`
      const list = posts.get(key) ?? []
      list.push(e)
      posts.set(key, list)
    }
  }
  const out: ExactlyOnce = { lines: lines.length, appliedOnce: 0, duplicates: [], lost: [], unfinished: [], dead: [], inconsistent: [] }
  for (const line of lines) {
    const mine = (posts.get(`${line.token} /ws/orders/${line.reference}`) ?? []).filter((e) => isAcceptOf(e, line))
    mine.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    const firstApplied = mine.findIndex((e) => e.status === 200)
    const v: LineVerdict = {
      ...line,
      posts: mine.length,
      applied: mine.filter((e) => e.status === 200).length,
      // Any later POST of an applied accept counts, whatever its answer: a 400 only means the
      // sandbox refused to apply it twice; the engine still re-sent what had landed.
      resentAfterApplied: firstApplied < 0 ? 0 : mine.length - firstApplied - 1,
    }
    const dead = line.taskStatus === 'FAILED' && line.failureKind === 'dead'
    if (dead) out.dead.push(v)
    if (v.applied > 1 || v.resentAfterApplied > 0) out.duplicates.push(v)
    else if (v.applied === 1) out.appliedOnce++
    const finished = line.taskStatus !== 'QUEUED' && line.taskStatus !== 'SENT'
    if (!finished) out.unfinished.push(v)
    else if (line.finalState !== 2 && !dead) out.lost.push(v)
    if ((line.finalState === 2) !== (v.applied >= 1)) out.inconsistent.push(v)
  }
  return out
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
