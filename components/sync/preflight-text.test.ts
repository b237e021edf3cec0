// Every pre-flight verdict reads in the merchant's language: each code has a message in every
// language, and a French merchant reads no English sentence. Verdicts stored before codes keep
// their recorded text.
import { createTranslator, type Messages as IntlMessages } from 'next-intl'
import { expect, test } from 'vitest'
import type { BmOrder } from '@/lib/backmarket/schemas'
import { LOCALES, type Locale } from '@/lib/i18n/locales'
import { evaluateOrderPreflight, evaluateStockPreflight, PREFLIGHT_CODES, type PreflightCheck } from '@/lib/sync/preflight-rules'
import { loadMessages } from '@/messages'
import { stateLabels } from '@/components/orders/state-labels'
import { preflightCheckText } from './preflight-text'

async function toolsIn(locale: Locale) {
  const messages = (await loadMessages(locale)) as IntlMessages
  const t = createTranslator({ locale, messages, namespace: 'connection.preflight' })
  const labels = stateLabels(createTranslator({ locale, messages, namespace: 'orders.states' }))
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items)
  return { t, lineState: labels.bmLineState, list }
}

const order = (lines: { id: number; listing: string; state: number }[]) => ({ order_id: 1, state: 1, orderlines: lines }) as unknown as BmOrder
const lines = [{ sku: 'SKU-A', bmOrderlineId: '10' }, { sku: 'SKU-B', bmOrderlineId: '11' }]

/** Verdicts the rules give in every situation they know, so every code the rules emit is covered. */
function everyCheck(): PreflightCheck[] {
  const verdicts = [
    evaluateOrderPreflight({ operation: 'ACCEPT', bm: { order: order([{ id: 10, listing: 'SKU-A', state: 1 }, { id: 11, listing: 'SKU-B', state: 1 }]) }, lines, addressErrorCount: 0 }),
    evaluateOrderPreflight({ operation: 'ACCEPT', bm: { order: order([{ id: 10, listing: 'X-1', state: 4 }, { id: 11, listing: 'X-2', state: 5 }]) }, lines, addressErrorCount: 2 }),
    evaluateOrderPreflight({ operation: 'SHIP', bm: { order: order([{ id: 10, listing: 'SKU-A', state: 1 }]) }, lines: lines.slice(0, 1), addressErrorCount: 1 }),
    evaluateOrderPreflight({ operation: 'SHIP', bm: { order: order([{ id: 10, listing: 'SKU-A', state: 3 }]) }, lines: lines.slice(0, 1), addressErrorCount: 0 }),
    evaluateOrderPreflight({ operation: 'ACCEPT', bm: { order: order([{ id: 10, listing: 'SKU-A', state: 1 }]) }, lines: [{ sku: 'SKU-A-V2', bmOrderlineId: '10' }], addressErrorCount: 0 }),
    evaluateOrderPreflight({ operation: 'ACCEPT', bm: { error: 'unauthorized' }, lines, addressErrorCount: 0 }),
    evaluateOrderPreflight({ operation: 'ACCEPT', bm: { error: 'not_found' }, lines, addressErrorCount: 0 }),
    evaluateOrderPreflight({ operation: 'ACCEPT', bm: { error: 'unreachable' }, lines, addressErrorCount: 0 }),
    evaluateStockPreflight({ sku: 'SKU-Z', bm: { error: 'not_found' } }),
    evaluateStockPreflight({ sku: 'SKU-Z', bm: { found: true, quantity: 2 } }),
  ]
  return verdicts.flatMap((v) => v.checks)
}

// Words of an English sentence that no French sentence of ours contains.
const ENGLISH = /\b(the|is|are|has|have|not|our|your|it|from|then|before|cannot|every|already|allows|answered|matches|update it|fix|map|order line)\b/i

test.each(LOCALES)('every pre-flight code has a message in %s, and the rules emit only those codes', async (locale) => {
  const { t } = await toolsIn(locale)
  expect(PREFLIGHT_CODES.filter((code) => !t.has(code))).toEqual([])
  expect(t.has('line')).toBe(true)
  const emitted = new Set(everyCheck().map((c) => c.code))
  expect([...emitted].filter((c) => !c || !PREFLIGHT_CODES.includes(c))).toEqual([])
  // The situations above reach every code: a code the rules no longer emit would go unnoticed.
  expect(PREFLIGHT_CODES.filter((c) => !emitted.has(c))).toEqual([])
})

test('a French merchant reads every pre-flight check in French, with Back Market’s states named in French', async () => {
  const [fr, en] = await Promise.all([toolsIn('fr'), toolsIn('en')])
  for (const check of everyCheck()) {
    const french = preflightCheckText(check, fr)!
    expect(french, check.code).not.toBe(preflightCheckText(check, en))
    expect(french, `${check.code}: ${french}`).not.toMatch(ENGLISH)
  }
  const blocked = everyCheck().find((c) => c.code === 'transition_blocked' && c.params?.action === 'accept')!
  expect(preflightCheckText(blocked, fr)).toMatch(/^Back Market a X-1 \(Annulée \(4\)\) et X-2 \(Remboursée avant expédition \(5\)\) : la commande ne peut pas être acceptée/)
  const sku = everyCheck().find((c) => c.code === 'sku_missing' && c.params?.missing?.[0] === 'SKU-A-V2')!
  expect(preflightCheckText(sku, fr)).toMatch(/^Notre SKU SKU-A-V2 n’est pas sur la commande Back Market \(elle a SKU-A\)/)
  expect(preflightCheckText(sku, en)).toMatch(/^Our SKU SKU-A-V2 is not on Back Market’s order \(it has SKU-A\)/)
})

test('a verdict stored before checks had codes shows its recorded text; one with neither shows nothing', async () => {
  const fr = await toolsIn('fr')
  const legacy: PreflightCheck = { name: 'transition', ok: false, detail: 'Back Market has A (Cancelled (4)): it cannot be accepted from there.' }
  expect(preflightCheckText(legacy, fr)).toBe(legacy.detail)
  expect(preflightCheckText({ name: 'token', ok: false }, fr)).toBeNull()
})
