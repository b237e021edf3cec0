// The banner's first line when we cannot talk to Back Market: a refused token or no connection,
// with the way to Settings for those who can fix it and whom to ask for the others; in both languages.
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import type { LOCALES } from '@/lib/i18n/locales'
import { loadMessages } from '@/messages'
import type { ConnectionHealthView } from './api/get-connection-issues'
import { ConnectionBannerView } from './connection-banner-view'

const quiet: ConnectionHealthView = {
  showBanner: false,
  state: 'ok',
  connection: { token: 'connected', refusedAt: null, refusal: null },
  flows: { parcelUpdate: false, stockUpdate: false },
  impact: { openIssues: 0, retryingIssues: 0, affectedOrders: 0, affectedSkus: 0, since: null, nextRetryAt: null, recoveredAt: null },
  errors: [],
}
const refused: ConnectionHealthView = {
  ...quiet,
  showBanner: true,
  connection: { token: 'token_refused', refusedAt: '2026-12-06T09:00:00.000Z', refusal: { status: 401, message: 'Invalid credentials' } },
}
const notConnected: ConnectionHealthView = { ...quiet, showBanner: true, connection: { token: 'not_connected', refusedAt: null, refusal: null } }

async function render(locale: (typeof LOCALES)[number], view: ConnectionHealthView, canFix: boolean) {
  const messages = (await loadMessages(locale)) as AbstractIntlMessages
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Europe/Paris">
      <ConnectionBannerView initial={view} canFix={canFix} merchantName="Refurb Republic" />
    </NextIntlClientProvider>,
  )
}

test('a refused token: admins are sent to Settings → Back Market; the issues part stays hidden with no issue', async () => {
  const html = await render('en', refused, true)
  expect(html).toContain('Back Market refused our token — update it in Settings.')
  expect(html).toContain('Back Market answered HTTP 401 on Dec 6, 10:00 GMT+1.')
  expect(html).toContain('href="/settings/back-market"')
  expect(html).not.toContain('Connection issues')
})

test('others are told to ask an admin, without the link; French too', async () => {
  const html = await render('en', refused, false)
  expect(html).toContain('ask an admin of Refurb Republic to update it in Settings')
  expect(html).not.toContain('/settings/back-market')
  expect(await render('fr', refused, false)).toContain('Back Market a refusé notre jeton — demandez à un administrateur de Refurb Republic')
})

test('not connected has its own line; a connected merchant with nothing failing shows no banner', async () => {
  const html = await render('en', notConnected, true)
  expect(html).toContain('Back Market is not connected')
  expect(html).toContain('Connect Back Market')
  expect(await render('en', quiet, true)).toBe('')
})

test('support staff viewing read-only are told to act as support, not to ask an admin; French too', async () => {
  const messages = (await loadMessages('en')) as AbstractIntlMessages
  const staff = (locale: (typeof LOCALES)[number], msgs: AbstractIntlMessages, view: ConnectionHealthView) =>
    renderToStaticMarkup(
      <NextIntlClientProvider locale={locale} messages={msgs} timeZone="Europe/Paris">
        <ConnectionBannerView initial={view} canFix={false} staffReadOnly merchantName="Refurb Republic" />
      </NextIntlClientProvider>,
    )
  const html = staff('en', messages, refused)
  expect(html).toContain('choose “Act as support” to update it in Settings')
  expect(html).not.toContain('ask an admin')
  expect(html).not.toContain('/settings/back-market')
  expect(staff('en', messages, notConnected)).toContain('choose “Act as support” to connect it in Settings')
  expect(staff('fr', (await loadMessages('fr')) as AbstractIntlMessages, refused)).toContain('choisissez « Agir en tant que support »')
})
