// A refused re-sync or dismiss says why in the merchant's language; an answer without a refusal
// code shows its message as it came.
import { createTranslator, type Messages as IntlMessages } from 'next-intl'
import { expect, test } from 'vitest'
import { ApiError } from '@/components/api/api-client'
import { LOCALES, type Locale } from '@/lib/i18n/locales'
import { ORDER_STATUSES } from '@/lib/orders/order-states'
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors'
import { REFUSAL_CODES, refusalError } from '@/lib/sync/refusals'
import { syncOperationForOrder } from '@/lib/sync/sync-operation-for-order'
import { loadMessages } from '@/messages'
import { apiErrorText, refusalText } from './refusal-text'

async function refusalsIn(locale: Locale) {
  return createTranslator({ locale, messages: (await loadMessages(locale)) as IntlMessages, namespace: 'connection.refusals' })
}

async function toolsIn(locale: Locale) {
  const messages = (await loadMessages(locale)) as IntlMessages
  return { refusals: await refusalsIn(locale), apiErrors: createTranslator({ locale, messages, namespace: 'common.apiErrors' }) }
}

test.each(LOCALES)('every refusal has a message in %s, the re-sync plan’s included', async (locale) => {
  const t = await refusalsIn(locale)
  const planned = ORDER_STATUSES.flatMap((s) => [true, false].map((errors) => syncOperationForOrder(s, errors))).flatMap((p) => (p.operation ? [] : [p.reason]))
  expect([...REFUSAL_CODES, ...planned].filter((code) => !t.has(code))).toEqual([])
})

test('a French merchant reads why a re-sync or dismiss was refused in French; the API keeps its English message', async () => {
  const [fr, en] = await Promise.all([toolsIn('fr'), toolsIn('en')])
  const asApi = (err: ReturnType<typeof refusalError>) => new ApiError(409, err.code, err.userMessage, err.details)
  const noTracking = refusalError('no_tracking_number')
  expect(noTracking.userMessage).toBe('This order has no tracking number yet, so it cannot be shipped on Back Market.')
  expect(apiErrorText(asApi(noTracking), fr)).toBe('cette commande n’a pas encore de numéro de suivi : elle ne peut donc pas être expédiée sur Back Market.')
  const closed = refusalError('issue_closed', { params: { status: 'dismissed' } })
  expect(closed.userMessage).toBe('This issue is already dismissed.')
  expect(apiErrorText(asApi(closed), fr)).toBe('ce problème est déjà ignoré.')
  for (const code of REFUSAL_CODES) {
    const err = asApi(refusalError(code, { params: { status: 'resolved' } }))
    expect(apiErrorText(err, fr), code).not.toBe(apiErrorText(err, en))
  }
  // A conflict without a refusal code (another error, an older server): the message as it came.
  expect(apiErrorText(new ApiError(409, 'conflict', 'Someone changed this SKU’s mapping meanwhile'), fr)).toBe('Someone changed this SKU’s mapping meanwhile')
  expect(refusalText(null, 'as sent', fr.refusals)).toBe('as sent')
})

test.each(LOCALES)('every error code of lib/errors.ts has a sentence in %s, and a French merchant reads generic errors in French', async (locale) => {
  const { apiErrors } = await toolsIn(locale)
  const generic = (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((c) => c !== 'conflict' && c !== 'unprocessable')
  expect([...generic, 'http_error', 'network'].filter((c) => !apiErrors.has(c))).toEqual([])
  if (locale !== 'fr') return
  const fr = await toolsIn('fr')
  expect(apiErrorText(new ApiError(404, 'not_found', 'Order 1 not found'), fr)).toBe('introuvable (il a peut-être été supprimé)')
  expect(apiErrorText(new ApiError(403, 'cross_site', 'This request must come from this site: no Origin.'), fr)).toBe('cette requête ne vient pas de ce site')
  expect(apiErrorText(new TypeError('Failed to fetch'), fr)).toBe('le serveur est injoignable : vérifiez votre connexion')
})
