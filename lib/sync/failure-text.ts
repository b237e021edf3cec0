// A task's failure as the merchant reads it: a message key under `failures` in
// messages/<lang>/connection.json and its parameters. Rows written before failures had keys
// carry only our English sentence; those sentences were few and fixed, so they are recognised
// and keyed too, and any other text is shown as it was recorded.
import { z } from 'zod'
import { BM_FAILURE_CODES, MESSAGES, RETRY_BUDGET } from './retry-policy'
import { bmWordsOfStockRefusal } from './stock-refusal'

export type StoredFailureText = { code: string | null; params: Record<string, string | number> }

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]))
const LEGACY: ReadonlyMap<string, string> = new Map(
  (Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]).map((key) => [MESSAGES[key], BM_FAILURE_CODES[key]]),
)

export function failureTextOf(row: { message: string | null; code: string | null; params: unknown }): StoredFailureText {
  if (row.code) return { code: row.code, params: paramsSchema.catch({}).parse(row.params ?? {}) }
  const message = row.message ?? ''
  const legacy = LEGACY.get(message)
  if (legacy) return { code: legacy, params: legacy === BM_FAILURE_CODES.gaveUp ? { attempts: RETRY_BUDGET } : {} }
  const bmMessage = bmWordsOfStockRefusal(message)
  if (bmMessage !== null) return { code: 'bm_stock_refused', params: { bmMessage } }
  return { code: null, params: {} }
}
