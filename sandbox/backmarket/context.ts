// What the route files share: the store, the live fault settings, the request log, limiters.
import type { Faults } from './faults'
import type { Limiter } from './rate-limit'
import type { RequestLog } from './request-log'
import type { Store } from './state'
import type { Account } from './types'

export interface Limits {
  /** Requests per window per token before the block (docs/backmarket.md §1.10: 200 in 10 s, blocked 10 s). */
  requests: number
  windowMs: number
  blockMs: number
  /** Listing updates (SKU lines) per hour per token (docs/backmarket.md §1.10: 2k). */
  skuLinesPerHour: number
}

export const DEFAULT_LIMITS: Limits = { requests: 200, windowMs: 10_000, blockMs: 10_000, skuLinesPerHour: 2_000 }

export interface SandboxContext {
  store: Store
  faults: Faults
  log: RequestLog
  requestLimiter: Limiter
  skuLimiter: Limiter
  /** Aborted when the server closes, so held or delayed requests stop waiting. */
  closing: AbortSignal
  now(): number
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the /ws/ guard once the token is known. */
    bmAccount?: Account
    bmToken?: string
  }
}

export function accountOf(req: { bmAccount?: Account }): Account {
  if (!req.bmAccount) throw new Error('bmAccount missing: the /ws/ guard did not run')
  return req.bmAccount
}
