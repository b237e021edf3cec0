// The connection-issues list, grouped by cause ("14 orders: SKU ABC-1 not found on Back Market")
// so that one fix or one bulk action covers them all. Pure: the page and its tests share it.
import type { SyncAction } from '@/lib/sync/connection-health-rules'
import type { ErrorDeadline } from '@/lib/sync/issue-context-view'
import type { ConnectionErrorView } from './connection-health-view'

export type ErrorCause =
  /** Back Market has no order line with our SKU: a SKU renamed on our side. */
  | 'sku_not_found'
  /** Back Market does not know the order at all. */
  | 'order_not_found'
  /** No Back Market listing has the SKU whose stock we pushed. */
  | 'listing_not_found'
  | 'status_error'
  | 'credentials'
  | 'connection'
  /** Any other refusal, told in Back Market's words. */
  | 'refused'
  /** Not Back Market's answer: our own data for the update is invalid, or an error on our side. */
  | 'internal'

export type ErrorGroup = {
  key: string
  cause: ErrorCause
  action: SyncAction
  sku: string | null
  message: string
  errorIds: string[]
  /** How many failures those rows stand for (a row counts its identical repeats). */
  failures: number
  /** Distinct orders and SKUs hit, in the order their newest error appears. */
  references: string[]
  skus: string[]
  /** Distinct issues still open or retrying: what the group's bulk actions act on. */
  activeIssueIds: string[]
  /** The group's newest error (the list is newest first, so its first). */
  latestAt: string
}

const ACTIVE = new Set(['open', 'retrying'])

/** The cause of one error: the issue's kind when it has one, else what the HTTP status says. */
export function causeOf(e: Pick<ConnectionErrorView, 'kind' | 'action' | 'sku' | 'httpStatus'>): ErrorCause {
  const kind = e.kind ?? kindFromStatus(e.httpStatus, e.action)
  switch (kind) {
    case 'NOT_FOUND':
      if (e.action === 'stock') return 'listing_not_found'
      return e.sku ? 'sku_not_found' : 'order_not_found'
    case 'STATUS_ERROR':
      return 'status_error'
    case 'CREDENTIALS':
      return 'credentials'
    case 'CONNECTION':
      return 'connection'
    case 'VALIDATION':
      return 'refused'
    case 'INTERNAL':
      return 'internal'
  }
}

// Mirrors the retry policy's classification for a failure whose issue could not be matched.
function kindFromStatus(status: number | null, action: SyncAction) {
  if (status === null || status === 429 || status >= 500) return 'CONNECTION' as const
  if (status === 404) return 'NOT_FOUND' as const
  if (status === 401 || status === 403) return 'CREDENTIALS' as const
  if (status === 400 && action !== 'stock') return 'STATUS_ERROR' as const
  return 'VALIDATION' as const
}

function groupKey(e: ConnectionErrorView, cause: ErrorCause): string {
  switch (cause) {
    case 'sku_not_found':
    case 'listing_not_found':
      return `${cause}:${e.sku}`
    case 'status_error':
    case 'order_not_found':
    case 'internal':
      return `${cause}:${e.action}`
    case 'credentials':
    case 'connection':
      return cause
    case 'refused':
      return `${cause}:${e.action}:${e.message}`
  }
}

const pushNew = (list: string[], value: string | null) => {
  if (value !== null && !list.includes(value)) list.push(value)
}

export function groupErrorsByCause(errors: readonly ConnectionErrorView[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>()
  for (const e of errors) {
    const cause = causeOf(e)
    const key = groupKey(e, cause)
    let g = groups.get(key)
    if (!g) {
      g = { key, cause, action: e.action, sku: e.sku, message: e.message, errorIds: [], failures: 0, references: [], skus: [], activeIssueIds: [], latestAt: e.at }
      groups.set(key, g)
    }
    g.errorIds.push(e.id)
    g.failures += e.count
    pushNew(g.references, e.reference)
    pushNew(g.skus, e.sku)
    if (e.lifecycle && ACTIVE.has(e.lifecycle)) pushNew(g.activeIssueIds, e.issueId)
  }
  return [...groups.values()]
}

/**
 * The errors that carry their issue's actions: the newest of each issue (retries of one order
 * fail several times; one set of buttons per issue is enough), and any error without an issue.
 */
export function newestOfEachIssue(errors: readonly ConnectionErrorView[]): Set<string> {
  const seen = new Set<string>()
  const newest = new Set<string>()
  for (const e of errors) {
    if (e.issueId !== null && seen.has(e.issueId)) continue
    if (e.issueId !== null) seen.add(e.issueId)
    newest.add(e.id)
  }
  return newest
}

export function isActive(e: Pick<ConnectionErrorView, 'lifecycle'>): boolean {
  return e.lifecycle !== null && ACTIVE.has(e.lifecycle)
}

export type ErrorSort = 'newest' | 'urgency'

/**
 * Newest first, as listed; or by urgency: errors still to act on whose order has the nearest Back
 * Market cut-off first (overdue ones lead), then those to act on without a known cut-off (stock,
 * unknown orders), then the closed ones. Ties keep the newest first.
 */
export function sortErrors<E extends Pick<ConnectionErrorView, 'id' | 'lifecycle' | 'issueId'>>(
  errors: readonly E[],
  sort: ErrorSort,
  deadlineOf: (e: E) => ErrorDeadline | null,
): E[] {
  if (sort === 'newest') return [...errors]
  const key = (e: E): [number, number] => {
    if (e.issueId !== null && !isActive(e)) return [2, 0]
    const d = deadlineOf(e)
    return d ? [0, Date.parse(d.at)] : [1, 0]
  }
  return errors
    .map((e, i) => ({ e, i, k: key(e) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map(({ e }) => e)
}
