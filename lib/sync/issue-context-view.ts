// What the connection-issues page knows of each error beside the banner's query, for its actions
// and its order (lib/sync/load-issue-context.ts builds it; the page's cards render it). JSON-shaped
// so it crosses from the server page to the cards as it is.
import type { BackMarketStage } from '@/lib/orders/backmarket-stage'
import type { PreflightCheck } from './preflight-rules'

/** The Back Market cut-off that applies to an order now, as the card shows it. */
export type ErrorDeadline = { at: string; kind: 'shipping' | 'acceptance'; assumed: boolean; overdue: boolean }

/** An issue's facts the banner query does not carry. */
export type IssueFacts = { nextRetryAt: string | null; occurrences: number; failedChecks: PreflightCheck[] }

export type IssueContext = {
  /** By order reference: where our warehouse has it, in Back Market's words. */
  orderStages: Record<string, BackMarketStage>
  /** By order reference: its Back Market cut-off, when one applies. */
  deadlines: Record<string, ErrorDeadline>
  /** By issue id. */
  issues: Record<string, IssueFacts>
}
