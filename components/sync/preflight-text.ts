// A pre-flight check's sentence in the merchant's language, from its code and facts (messages
// connection.preflight). A verdict stored before checks had codes carries its English text
// instead: it is shown as it was recorded rather than lost. Pure: the component and its test share it.
import type { PreflightCheck } from '@/lib/sync/preflight-rules'

/** next-intl's translator for one namespace, from getTranslations or useTranslations. */
export type Translator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean }

export type PreflightTextTools = {
  /** `connection.preflight` */
  t: Translator
  /** Back Market's orderline state by code, "Cancelled (4)" (components/orders/state-labels.ts). */
  lineState: (code: number) => string
  /** Joins names the reader's way: "A, B and C" / "A, B et C". */
  list: (items: string[]) => string
}

export function preflightCheckText(check: PreflightCheck, { t, lineState, list }: PreflightTextTools): string | null {
  if (!check.code || !t.has(check.code)) return check.detail ?? null
  const p = check.params ?? {}
  const values: Record<string, string | number> = {}
  if (p.sku !== undefined) values.sku = p.sku
  if (p.action !== undefined) values.action = p.action
  if (p.count !== undefined) values.count = p.count
  if (p.missing) values.missing = list(p.missing)
  if (p.listings) values.listings = list(p.listings)
  if (p.lines) values.lines = list(p.lines.map((l) => t('line', { sku: l.sku, state: lineState(l.state) })))
  return t(check.code, values)
}
