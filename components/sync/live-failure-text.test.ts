import { createTranslator, type Messages as IntlMessages } from 'next-intl'
import { expect, test } from 'vitest'
import { loadMessages } from '@/messages'
import { liveFailureText } from './live-failure-text'

const fr = async () => createTranslator({ locale: 'fr', messages: (await loadMessages('fr')) as IntlMessages, namespace: 'skuMapping' })
const at = '2026-12-06T03:00:00.000Z'

test('our own request budget spent is said in French; Back Market’s failure keeps its words', async () => {
  const t = await fr()
  // The server's English sentence for our budget never reaches a French merchant.
  expect(liveFailureText({ ok: false, fetchedAt: at, kind: 'rate_limited', status: null, message: 'Our Back Market request budget is spent for a few seconds.' }, t)).toBe(
    'Back Market n’a pas pu être lu : le quota de requêtes de votre compte est épuisé pour quelques secondes. Ci-dessous : ce que dit notre commande.',
  )
  expect(liveFailureText({ ok: false, fetchedAt: at, kind: 'server', status: 503, message: 'HTTP 503' }, t)).toBe('Back Market n’a pas pu être lu (HTTP 503). Ci-dessous : ce que dit notre commande.')
})
