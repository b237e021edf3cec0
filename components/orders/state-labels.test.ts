// Every status and named Back Market state code has a label in every language; an unknown code
// still shows, with its number.
import { createTranslator, type Messages as IntlMessages } from 'next-intl'
import { expect, test } from 'vitest'
import { LOCALES } from '@/lib/i18n/locales'
import { ORDER_STATE, ORDERLINE_STATE } from '@/lib/backmarket/states'
import { ORDER_STATUSES } from '@/lib/orders/order-states'
import { loadMessages } from '@/messages'
import { stateLabels } from './state-labels'

async function translatorIn(locale: (typeof LOCALES)[number]) {
  return createTranslator({ locale, messages: (await loadMessages(locale)) as IntlMessages, namespace: 'orders.states' })
}

const labelsIn = async (locale: (typeof LOCALES)[number]) => stateLabels(await translatorIn(locale))

test.each(LOCALES)('every code has a name in %s', async (locale) => {
  const t = await translatorIn(locale)
  const missing = [
    ...ORDER_STATUSES.map((s) => `warehouse.${s}`),
    ...Object.values(ORDER_STATE).map((c) => `bm.order.${c}`),
    ...Object.values(ORDERLINE_STATE).map((c) => `bm.line.${c}`),
  ].filter((key) => !t.has(key))
  expect(missing).toEqual([])
})

test.each(LOCALES)('Back Market’s names in %s are those of the codes its spec knows, no other', async (locale) => {
  const { orders } = (await loadMessages(locale)) as { orders: { states: { bm: Record<'order' | 'line', Record<string, string>> } } }
  const codes = (table: Record<string, number>) => Object.values(table).map(String).sort()
  expect(Object.keys(orders.states.bm.order).sort()).toEqual(codes(ORDER_STATE))
  expect(Object.keys(orders.states.bm.line).sort()).toEqual(codes(ORDERLINE_STATE))
})

test('Back Market’s names as a French merchant reads them, with the code', async () => {
  const fr = await labelsIn('fr')
  expect(fr.bmOrderState(1)).toBe('À accepter (1)')
  expect(fr.bmOrderState(3)).toBe('En attente d’expédition (3)')
  expect(fr.bmLineState(3)).toBe('Expédiée (3)')
  expect(fr.orderStatus('IN_TRANSIT')).toBe('En transit')
})

test('an unknown code keeps its number', async () => {
  expect((await labelsIn('en')).bmOrderState(42)).toBe('Unknown state (42)')
})
