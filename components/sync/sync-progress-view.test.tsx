// The one progress view in both places that watch a sync, each in its own words: the Errors tab
// after a fix (the sale's acceptance) and the re-sync button.
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import type { LOCALES } from '@/lib/i18n/locales'
import { loadMessages } from '@/messages'
import type { SyncStatusView } from './api/get-sync'
import { SyncProgressView, type SyncWording } from './sync-progress-view'

const at = '2025-05-12T10:00:00.000Z'
const verified = { id: 's1', status: 'verified', done: true, attempts: 1, failure: null, nextAttemptAt: null, preflight: null, sentAt: at, acceptedAt: at } as SyncStatusView
const retrying = { ...verified, status: 'queued', done: false, nextAttemptAt: at, failure: { kind: 'transient', message: 'down' } } as SyncStatusView

async function render(locale: (typeof LOCALES)[number], sync: SyncStatusView, wording?: SyncWording) {
  const messages = (await loadMessages(locale)) as AbstractIntlMessages
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <SyncProgressView sync={sync} wording={wording} />
    </NextIntlClientProvider>,
  )
  return html.replace(/<[^>]+>/g, ' ')
}

test('after an address fix, the Errors tab says the sale is accepted on Back Market', async () => {
  expect(await render('fr', verified, 'errors.sync')).toContain('Vérifié\u00a0: Back Market indique la vente comme acceptée.')
  expect(await render('en', retrying, 'errors.sync')).toContain('Attempt 1 did not go through; next try at 10:00:00 UTC.')
})

test('the re-sync button says the update is done, the steps marked the same way', async () => {
  const text = await render('en', verified)
  expect(text).toContain('Done: Back Market has the update (checked by reading it back).')
  expect(text).toContain('Reached:  Verified')
})
