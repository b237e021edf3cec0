// Our warehouse status and Back Market's state codes in the merchant's language (messages
// `orders.states`). Back Market's names keep their code beside them: support talks in codes.
import type { OrderStatus } from '@/lib/generated/prisma/enums'

/** next-intl's translator for `orders.states`, from getTranslations or useTranslations. */
type StatesTranslator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean }

export function stateLabels(t: StatesTranslator) {
  const bm = (kind: 'order' | 'line', code: number) => {
    const key = `bm.${kind}.${code}`
    return t('bm.label', { name: t.has(key) ? t(key) : t('bm.unknown'), code: String(code) })
  }
  return {
    orderStatus: (status: OrderStatus) => t(`warehouse.${status}`),
    bmOrderState: (code: number) => bm('order', code),
    bmLineState: (code: number) => bm('line', code),
  }
}
