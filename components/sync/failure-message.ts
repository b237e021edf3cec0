// A failed sync's reason in the merchant's language (messages connection.failures), from the code
// the engine recorded; a reason recorded without one is shown as it was written.
import type { SyncStatusView } from '@/lib/sync/get-sync-status'
import { bmWordsOfStockRefusal } from '@/lib/sync/stock-refusal'
import type { Translator } from './preflight-text'

export function failureMessage(failure: NonNullable<SyncStatusView['failure']>, t: Translator): string {
  if (failure.code && t.has(failure.code)) return t(failure.code, failure.params ?? {})
  return failure.message
}

/**
 * A recorded call's message (the connection-issues list): a stock refusal is said in the
 * merchant's language around Back Market's own words; any other is shown as recorded.
 */
export function attemptMessage(message: string, t: Translator): string {
  const bmMessage = bmWordsOfStockRefusal(message)
  return bmMessage !== null && t.has('bm_stock_refused') ? t('bm_stock_refused', { bmMessage }) : message
}
