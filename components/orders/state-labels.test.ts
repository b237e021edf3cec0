// Every status and named Back Market state code has a label in every language; an unknown code
// still shows, with its number.
import { createTranslator, type Messages as IntlMessages } from 'next-intl'
import { expect, test } from 'vitest'
import { LOCALES } from '@/lib/i18n/locales'
import { BM_ORDER_STATES, BM_ORDERLINE_STATES, ORDER_STATUSES } from '@/lib/orders/order-states'
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
    ...BM_ORDER_STATES.map((c) => `bm.order.${c}`),
    ...BM_ORDERLINE_STATES.map((c) => `bm.line.${c}`),
  ].filter((key) => !t.has(key))
  expect(missing).toEqual([])
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
