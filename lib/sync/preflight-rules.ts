// Whether retrying a sync can help, decided from facts read live from Back Market and from our
// order — so the dashboard offers a retry only when one can work, and says what to fix when not.
// Each check carries a message code and its facts (SKUs, states, counts), never a sentence: the
// dashboard says it in the merchant's language (messages connection.preflight).
import { z } from 'zod'
import type { BmOrder } from '@/lib/backmarket/schemas'

export const PREFLIGHT_CODES = [
  'unreachable', 'reachable', 'token_refused', 'token_ok', 'order_not_found', 'order_found', 'sku_missing', 'sku_match',
  'transition_blocked', 'transition_done', 'transition_ok', 'address_errors', 'address_ok', 'listing_missing', 'listing_found',
] as const
export type PreflightCode = (typeof PREFLIGHT_CODES)[number]

const CHECK_NAMES = ['reachable', 'token', 'order_found', 'sku_match', 'transition', 'address', 'listing'] as const

/** The facts a check's message names. Lists stay lists: the UI joins them the reader's way. */
export type PreflightParams = { sku?: string; missing?: string[]; listings?: string[]; action?: 'accept' | 'ship' | 'cancel'; count?: number; lines?: { sku: string; state: number }[] }

export type PreflightCheck = {
  name: (typeof CHECK_NAMES)[number]
  ok: boolean
  /** Absent from verdicts stored before codes existed: those carry an English `detail`, shown as is. */
  code?: PreflightCode
  params?: PreflightParams
  detail?: string
}
export type PreflightVerdict = { canRetryHelp: boolean; alreadyApplied: boolean; checks: PreflightCheck[]; checkedAt: string }

const checkSchema = z.object({
  name: z.enum(CHECK_NAMES),
  ok: z.boolean(),
  code: z.enum(PREFLIGHT_CODES).optional().catch(undefined),
  params: z
    .object({
      sku: z.string().optional(),
      missing: z.array(z.string()).optional(),
      listings: z.array(z.string()).optional(),
      action: z.enum(['accept', 'ship', 'cancel']).optional(),
      count: z.number().optional(),
      lines: z.array(z.object({ sku: z.string(), state: z.number() })).optional(),
    })
    .optional()
    .catch(undefined),
  detail: z.string().optional().catch(undefined),
})
const verdictSchema = z.object({ canRetryHelp: z.boolean(), alreadyApplied: z.boolean(), checks: z.array(checkSchema), checkedAt: z.string() })

/** A verdict as stored with a task (JSON, in any format written so far); null when unreadable. */
export function parseStoredPreflight(stored: unknown): PreflightVerdict | null {
  const r = verdictSchema.safeParse(stored)
  return r.success ? r.data : null
}

export type OrderFacts = {
  operation: 'ACCEPT' | 'SHIP' | 'CANCEL'
  /** A cancellation concerns one line: the one with this SKU (every line when absent). */
  sku?: string | null
  /** What reading the order from Back Market gave: the order, or why it failed. */
  bm: { order: BmOrder } | { error: 'not_found' | 'unauthorized' | 'forbidden' | 'unreachable' }
  lines: { sku: string; bmOrderlineId: string }[]
  addressErrorCount: number
}

export type StockFacts = { sku: string; bm: { found: true; quantity: number } | { error: 'not_found' | 'unauthorized' | 'forbidden' | 'unreachable' } }

function access(error: 'not_found' | 'unauthorized' | 'forbidden' | 'unreachable' | null): PreflightCheck[] {
  if (error === 'unreachable') return [{ name: 'reachable', ok: false, code: 'unreachable' }]
  const checks: PreflightCheck[] = [{ name: 'reachable', ok: true, code: 'reachable' }]
  if (error === 'unauthorized' || error === 'forbidden') checks.push({ name: 'token', ok: false, code: 'token_refused' })
  else checks.push({ name: 'token', ok: true, code: 'token_ok' })
  return checks
}

function verdict(checks: PreflightCheck[], alreadyApplied: boolean, now: Date): PreflightVerdict {
  const unreachable = checks.some((c) => c.name === 'reachable' && !c.ok)
  return { canRetryHelp: unreachable || checks.every((c) => c.ok), alreadyApplied, checks, checkedAt: now.toISOString() }
}

// Line states each update starts from, and those that already include it (docs/backmarket.md §1.6):
// refunded after shipping counts as shipped (the parcel left); a cancellation is done once the line
// is in any final cancelled/refunded state, whichever of 4, 5 or 6 it was meant to reach.
const TRANSITIONS = {
  ACCEPT: { starts: new Set([1]), done: new Set([2, 3, 6]), action: 'accept' },
  SHIP: { starts: new Set([2]), done: new Set([3, 6]), action: 'ship' },
  CANCEL: { starts: new Set([1, 2, 3]), done: new Set([4, 5, 6]), action: 'cancel' },
} as const satisfies Record<OrderFacts['operation'], { starts: ReadonlySet<number>; done: ReadonlySet<number>; action: PreflightParams['action'] }>

export function evaluateOrderPreflight(f: OrderFacts, now = new Date()): PreflightVerdict {
  const error = 'error' in f.bm ? f.bm.error : null
  const checks = access(error)
  if (error === 'unreachable' || error === 'unauthorized' || error === 'forbidden') return verdict(checks, false, now)
  if (!('order' in f.bm)) {
    checks.push({ name: 'order_found', ok: false, code: 'order_not_found' })
    return verdict(checks, false, now)
  }
  const bm = f.bm.order
  checks.push({ name: 'order_found', ok: true, code: 'order_found' })

  const listings = bm.orderlines.map((l) => l.listing)
  const missing = f.lines.filter((l) => !listings.includes(l.sku)).map((l) => l.sku)
  checks.push(
    missing.length
      ? { name: 'sku_match', ok: false, code: 'sku_missing', params: { missing, listings, count: missing.length } }
      : { name: 'sku_match', ok: true, code: 'sku_match' },
  )

  const ours = f.operation === 'CANCEL' && f.sku ? f.lines.filter((l) => l.sku === f.sku) : f.lines
  const bmLines = ours.map((l) => bm.orderlines.find((b) => String(b.id) === l.bmOrderlineId)).filter((b) => b !== undefined)
  const states = bmLines.map((b) => b.state)
  const { starts, done, action } = TRANSITIONS[f.operation]
  const alreadyApplied = states.length > 0 && states.every((s) => done.has(s))
  const blocked = bmLines.filter((b) => !starts.has(b.state) && !done.has(b.state))
  checks.push(
    blocked.length
      ? { name: 'transition', ok: false, code: 'transition_blocked', params: { action, lines: blocked.map((b) => ({ sku: b.listing, state: b.state })) } }
      : { name: 'transition', ok: true, code: alreadyApplied ? 'transition_done' : 'transition_ok' },
  )
  if (f.operation === 'ACCEPT') {
    checks.push(
      f.addressErrorCount
        ? { name: 'address', ok: false, code: 'address_errors', params: { count: f.addressErrorCount } }
        : { name: 'address', ok: true, code: 'address_ok' },
    )
  }
  return verdict(checks, alreadyApplied, now)
}

export function evaluateStockPreflight(f: StockFacts, now = new Date()): PreflightVerdict {
  const error = 'error' in f.bm ? f.bm.error : null
  const checks = access(error === 'not_found' ? null : error)
  if (error === 'not_found') checks.push({ name: 'listing', ok: false, code: 'listing_missing', params: { sku: f.sku } })
  else if (!error) checks.push({ name: 'listing', ok: true, code: 'listing_found', params: { sku: f.sku } })
  return verdict(checks, false, now)
}
