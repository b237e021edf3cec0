// A failed sync's reason reads in the merchant's language, whoever failed: Back Market (our words
// about its answer, its own words kept as it sent them and labelled as its) or our own engine.
import { createTranslator, type Messages as IntlMessages } from 'next-intl'
import { z } from 'zod'
import { expect, test } from 'vitest'
import { BackMarketError, type BackMarketErrorKind } from '@/lib/backmarket/errors'
import { LOCALES, type Locale } from '@/lib/i18n/locales'
import { failureTextOf } from '@/lib/sync/failure-text'
import { classifyFailure, classifyInternalFailure, decideAfterFailure, MESSAGES, RETRY_BUDGET } from '@/lib/sync/retry-policy'
import { SyncDataError } from '@/lib/sync/sync-data-error'
import { loadMessages } from '@/messages'
import { attemptMessage, failureMessage } from './failure-message'

const KINDS: BackMarketErrorKind[] = ['not_found', 'invalid_transition', 'validation', 'unauthorized', 'forbidden', 'rate_limited', 'server', 'timeout', 'network', 'bad_response']

/** Every failure the engine can record, with the text code it records. */
function everyFailure() {
  const now = new Date()
  const bm = KINDS.flatMap((kind) =>
    (['ACCEPT', 'CANCEL', 'STOCK'] as const).flatMap((op) => [false, true].map((html) => classifyFailure(new BackMarketError(kind, 'Quantity must be positive.', { status: 400, html }), op))),
  )
  const gaveUp = decideAfterFailure({ attempt: RETRY_BUDGET, err: new BackMarketError('server', 'x', { status: 503 }), operation: 'ACCEPT', now })
  const ours = [
    new z.ZodError([{ code: 'custom', path: ['trackingNumber'], message: 'x', input: null }]),
    ...(['invalid_task_data', 'task_without_order', 'task_without_sku', 'missing_record', 'cancel_needs_return_reason'] as const).map(
      (code) => new SyncDataError(code, code, { params: { fields: 'sku', sku: 'SKU-1' } }),
    ),
    new Error('boom'),
  ].map(classifyInternalFailure)
  const internalGaveUp = decideAfterFailure({ attempt: RETRY_BUDGET, err: new Error('boom'), operation: 'ACCEPT', now })
  return [...bm, gaveUp.failure, ...ours, internalGaveUp.failure]
}

async function failuresIn(locale: Locale) {
  return createTranslator({ locale, messages: (await loadMessages(locale)) as IntlMessages, namespace: 'connection.failures' })
}

test.each(LOCALES)('every failure the engine records has a code with a message in %s', async (locale) => {
  const t = await failuresIn(locale)
  const failures = everyFailure()
  expect(failures.filter((f) => !f.text).map((f) => f.message)).toEqual([])
  expect([...new Set(failures.map((f) => f.text!.code))].filter((code) => !t.has(code))).toEqual([])
})

test('a French merchant reads every failure in French; Back Market’s own words stay as it sent them, labelled as its answer', async () => {
  const [fr, en] = await Promise.all([failuresIn('fr'), failuresIn('en')])
  for (const f of everyFailure()) {
    const view = { kind: 'permanent', message: f.message, ...f.text }
    expect(failureMessage(view, fr), f.text!.code).not.toBe(failureMessage(view, en))
  }
  const refused = classifyFailure(new BackMarketError('validation', 'Quantity must be positive.', { status: 400 }), 'STOCK')
  expect(failureMessage({ kind: 'permanent', message: refused.message, ...refused.text }, fr)).toBe('Back Market a refusé la mise à jour du stock. Back Market a répondu : « Quantity must be positive. »')
  expect(failureMessage({ kind: 'permanent', message: refused.message, ...refused.text }, en)).toBe('Back Market refused the stock update. Back Market said: “Quantity must be positive.”')
})

test('a failure stored before codes: our fixed English sentences are recognised, anything else shows as recorded', async () => {
  const fr = await failuresIn('fr')
  const legacy = (message: string) => ({ kind: 'permanent', message, ...failureTextOf({ message, code: null, params: null }) })
  expect(failureMessage(legacy(MESSAGES.notFound), fr)).toMatch(/^Nous n’avons trouvé aucun order_id/)
  expect(failureMessage(legacy(MESSAGES.gaveUp), fr)).toContain(`${RETRY_BUDGET} tentatives`)
  expect(failureMessage(legacy('Back Market refused the stock update: SKU is archived'), fr)).toBe('Back Market a refusé la mise à jour du stock. Back Market a répondu : « SKU is archived »')
  expect(failureMessage(legacy('Something we never wrote in any version'), fr)).toBe('Something we never wrote in any version')
  // A stored code whose parameters were tampered with still renders, without them.
  expect(failureTextOf({ message: 'x', code: 'bm_connection', params: { a: { nested: true } } })).toEqual({ code: 'bm_connection', params: {} })
})

test('the connection-issues list says a stock refusal in French around Back Market’s words, and other messages as recorded', async () => {
  const fr = await failuresIn('fr')
  const refused = classifyFailure(new BackMarketError('validation', '"quantity": must be ≥ 0', { status: 400 }), 'STOCK')
  expect(attemptMessage(refused.message, fr)).toBe('Back Market a refusé la mise à jour du stock. Back Market a répondu : « "quantity": must be ≥ 0 »')
  expect(attemptMessage('Some other recorded text', fr)).toBe('Some other recorded text')
})
