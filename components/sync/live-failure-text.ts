// Why the SKU comparison could not read Back Market: our own request budget (no HTTP status) is
// said in the merchant's language; Back Market's failure keeps its technical words, as sent.
import type { LiveRead } from '@/lib/sync/sku-mismatch-view'
import type { Translator } from './preflight-text'

export function liveFailureText(live: Extract<LiveRead, { ok: false }>, t: Translator /* skuMapping */): string {
  return live.kind === 'rate_limited' && live.status === null ? t('liveBudget') : t('liveFailed', { message: live.message })
}
