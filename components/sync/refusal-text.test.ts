// A refused re-sync or dismiss says why in the merchant's language; an answer without a refusal
// code shows its message as it came.
import { createTranslator, type Messages as IntlMessages } from 'next-intl'
import { expect, test } from 'vitest'
import { ApiError } from '@/components/api/api-client'
import { LOCALES, type Locale } from '@/lib/i18n/locales'
import { ORDER_STATUSES } from '@/lib/orders/order-states'
import { REFUSAL_CODES, refusalError } from '@/lib/sync/refusals'
import { syncOperationForOrder } from '@/lib/sync/sync-operation-for-order'
import { loadMessages } from '@/messages'
import { apiErrorText, refusalText } from './refusal-text'

async function refusalsIn(locale: Locale) {
  return createTranslator({ locale, messages: (await loadMessages(locale)) as IntlMessages, namespace: 'connection.refusals' })
}

test.each(LOCALES)('every refusal has a message in %s, the re-sync plan’s included', async (locale) => {
  const t = await refusalsIn(locale)
  const planned = ORDER_STATUSES.flatMap((s) => [true, false].map((errors) => syncOperationForOrder(s, errors))).flatMap((p) => (p.operation ? [] : [p.reason]))
  expect([...REFUSAL_CODES, ...planned].filter((code) => !t.has(code))).toEqual([])
})

test('a French merchant reads why a re-sync or dismiss was refused in French; the API keeps its English message', async () => {
  const [fr, en] = await Promise.all([refusalsIn('fr'), refusalsIn('en')])
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
  // No refusal code (another error, an older server): the message as it came.
  expect(apiErrorText(new ApiError(404, 'not_found', 'Order 1 not found'), fr)).toBe('Order 1 not found')
  expect(refusalText(null, 'as sent', fr)).toBe('as sent')
})
