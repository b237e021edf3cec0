// A failed sync's reason in the merchant's language (messages connection.failures), from the code
// the engine recorded; a reason recorded without one is shown as it was written.
import type { SyncStatusView } from '@/lib/sync/get-sync-status'
import type { Translator } from './preflight-text'

export function failureMessage(failure: NonNullable<SyncStatusView['failure']>, t: Translator): string {
  if (failure.code && t.has(failure.code)) return t(failure.code, failure.params ?? {})
  return failure.message
}
