// The Merchants overview's rules, apart from its query so they are tested without a database:
// each merchant's connection state, and the order that puts first the merchants to call first.
import { compareByUrgency, type OrderDeadlines } from '@/lib/orders/deadlines'

/**
 * not_connected: onboarded without a token, or disconnected (nothing is imported or sent).
 * token_refused: Back Market refused the saved token; nothing goes through until a new one.
 * degraded: Back Market cannot be reached or refuses our calls (an active CONNECTION or
 * CREDENTIALS issue: lib/sync/connection-degraded.ts).
 */
export type ConnectionState = 'token_refused' | 'degraded' | 'not_connected' | 'ok'

export function connectionStateOf(m: { connected: boolean; tokenRefusedAt: Date | null; degradedAt: Date | null }): ConnectionState {
  if (!m.connected) return 'not_connected'
  if (m.tokenRefusedAt) return 'token_refused'
  return m.degradedAt ? 'degraded' : 'ok'
}

/**
 * A stopped connection blocks every sale at once: it outranks any count of single problems. Not
 * connected comes next, above every connected merchant: nothing of theirs is imported or sent, so
 * whatever they sell waits unseen (it was tied with ok, and sorted among the quiet ones by name).
 */
const CONNECTION_RANK: Record<ConnectionState, number> = { token_refused: 0, degraded: 1, not_connected: 2, ok: 3 }

export type ImpactFacts = {
  id: string
  name: string
  connection: ConnectionState
  openIssues: number
  blockedOrders: number
  oldestFailureAt: Date | null
  deadline: OrderDeadlines | null
}

/**
 * Impact, most first: a stopped connection; then the most problems a merchant has to act on (open
 * sync issues + orders blocked by their address); then the oldest open failure (the longest a
 * problem has waited); then the nearest Back Market cut-off (overdue first); then by name; then by
 * id, so that two merchants of one name keep their order and each page holds the same ones.
 */
export function compareByImpact(a: ImpactFacts, b: ImpactFacts): number {
  return (
    CONNECTION_RANK[a.connection] - CONNECTION_RANK[b.connection] ||
    b.openIssues + b.blockedOrders - (a.openIssues + a.blockedOrders) ||
    time(a.oldestFailureAt) - time(b.oldestFailureAt) ||
    compareDeadlines(a.deadline, b.deadline) ||
    a.name.localeCompare(b.name, 'en') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

function time(d: Date | null): number {
  return d ? d.getTime() : Number.POSITIVE_INFINITY
}

function compareDeadlines(a: OrderDeadlines | null, b: OrderDeadlines | null): number {
  if (a && b) return compareByUrgency(a, b)
  return (a?.applies ? 0 : 1) - (b?.applies ? 0 : 1)
}
