// Fault injection for /ws/: what a client meets in production besides the happy path
// (Cloudflare 502/503, surprise 429s, slow answers, requests that never come back).
import { z } from 'zod'

export const faultsSchema = z.strictObject({
  error5xxRate: z.number().min(0).max(1).optional(),
  rate429: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  timeoutRate: z.number().min(0).max(1).optional(),
  htmlErrors: z.boolean().optional(),
  /** Writes (POST) are applied, then their answer waits this long: a client may die meanwhile. */
  afterWriteLatencyMs: z.number().int().min(0).max(600_000).optional(),
  /** Share of writes applied whose answer is then lost (the connection drops): did it land? */
  lostWriteResponseRate: z.number().min(0).max(1).optional(),
})

export type Faults = Required<z.infer<typeof faultsSchema>>

export const NO_FAULTS: Faults = { error5xxRate: 0, rate429: 0, latencyMs: 0, timeoutRate: 0, htmlErrors: false, afterWriteLatencyMs: 0, lostWriteResponseRate: 0 }

export type FaultOutcome = { kind: 'timeout' } | { kind: '5xx'; status: 502 | 503 } | { kind: '429' } | { kind: 'none' }

/** One draw per request; `random` is injectable so the choice is testable. */
export function drawFault(f: Faults, random: () => number = Math.random): FaultOutcome {
  if (f.timeoutRate > 0 && random() < f.timeoutRate) return { kind: 'timeout' }
  if (f.error5xxRate > 0 && random() < f.error5xxRate) return { kind: '5xx', status: random() < 0.5 ? 502 : 503 }
  if (f.rate429 > 0 && random() < f.rate429) return { kind: '429' }
  return { kind: 'none' }
}
