// The banner's rules, apart from the query so they can be tested without a database: Cubyn's
// vocabulary (parcel_update / stock_update) for our operations, an issue's status as the
// lifecycle shown beside each error, and the banner's overall state.
import type { SyncIssueStatus, SyncOperation } from '@/lib/generated/prisma/enums'

/** Cubyn's banner fires on failures of exactly these two flows (docs/backmarket.md §2.1, S20). */
export type SyncFlow = 'parcel_update' | 'stock_update'
export type SyncAction = 'accept' | 'ship' | 'cancel' | 'stock'
export type ErrorLifecycle = 'open' | 'retrying' | 'resolved' | 'dismissed'
export type ConnectionState = 'ok' | 'issues' | 'recovered'
/** Whether we can talk to Back Market at all: a token saved, and not refused by Back Market. */
export type TokenState = 'connected' | 'not_connected' | 'token_refused'

/** Cubyn shows "the 20 last errors that have occurred over the last week". */
export const BANNER_WINDOW_DAYS = 7
export const BANNER_ERROR_LIMIT = 20

export function bannerWindowStart(now: Date): Date {
  return new Date(now.getTime() - BANNER_WINDOW_DAYS * 24 * 60 * 60 * 1000)
}

export function flowOf(operation: SyncOperation): SyncFlow {
  switch (operation) {
    case 'ACCEPT':
    case 'SHIP':
    // A cancellation or refund goes through the same order-update call as accept and ship.
    case 'CANCEL':
      return 'parcel_update'
    case 'STOCK':
      return 'stock_update'
  }
}

export function actionOf(operation: SyncOperation): SyncAction {
  switch (operation) {
    case 'ACCEPT':
      return 'accept'
    case 'SHIP':
      return 'ship'
    case 'CANCEL':
      return 'cancel'
    case 'STOCK':
      return 'stock'
  }
}

export function lifecycleOf(status: SyncIssueStatus | null): ErrorLifecycle | null {
  switch (status) {
    case null:
      return null
    case 'OPEN':
      return 'open'
    case 'RETRYING':
      return 'retrying'
    case 'RESOLVED':
      return 'resolved'
    case 'DISMISSED':
      return 'dismissed'
  }
}

/**
 * An issue still open outweighs the 7-day window (it needs action whatever its age); failures in
 * the window with nothing open left mean the connection came back.
 */
export function chooseState(opts: { failedInWindow: boolean; activeIssues: number }): ConnectionState {
  if (opts.activeIssues > 0) return 'issues'
  return opts.failedInWindow ? 'recovered' : 'ok'
}

/**
 * Which flows the banner says failed this week. None while it shows only because an issue opened
 * before the week is still open: it must not claim a failure this week.
 */
export function failedFlowsKey(flows: { parcelUpdate: boolean; stockUpdate: boolean }): SyncFlow | 'both' | null {
  if (flows.parcelUpdate && flows.stockUpdate) return 'both'
  if (flows.parcelUpdate) return 'parcel_update'
  return flows.stockUpdate ? 'stock_update' : null
}

/**
 * The attempt's own message is what the engine wrote for the merchant; an attempt recorded
 * without one still needs a line in the list rather than a blank.
 */
export function errorMessage(message: string | null, httpStatus: number | null): string {
  if (message?.trim()) return message
  return httpStatus === null
    ? 'Back Market could not be reached.'
    : `Back Market refused the update (HTTP ${httpStatus}).`
}

/** A refusal is only the saved token's: a merchant without one is not connected, whatever was refused before. */
export function tokenStateOf(opts: { connected: boolean; refusedAt: Date | null }): TokenState {
  if (!opts.connected) return 'not_connected'
  return opts.refusedAt ? 'token_refused' : 'connected'
}
