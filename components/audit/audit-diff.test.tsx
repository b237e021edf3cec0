// The before → after as a person reads it, in both languages: labels not keys, names not enums,
// instants on the reader's clock with the zone, yes/no, a token's ending, one line per nested key.
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import type { LOCALES } from '@/lib/i18n/locales'
import { loadMessages } from '@/messages'
import { AuditDiff } from './audit-diff'

async function render(locale: (typeof LOCALES)[number], before: unknown, after: unknown, timeZone = 'Europe/Paris') {
  const messages = (await loadMessages(locale)) as AbstractIntlMessages
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
      <AuditDiff before={before} after={after} />
    </NextIntlClientProvider>,
  )
  // The text as read: tags dropped.
  return html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ').trim()
}

test('an invitation and a role change: labels, role names, the expiry on the reader’s clock', async () => {
  const invited = { email: 'ana@example.com', role: 'VIEWER', expiresAt: '2026-12-09T09:42:00.000Z' }
  expect(await render('en', null, invited)).toBe('Email: ana@example.com Role: Viewer Expires: Dec 9, 2026, 10:42 GMT+1')
  expect(await render('fr', null, invited)).toBe('E-mail : ana@example.com Rôle : Lecteur Expire le : 9 déc. 2026, 10:42 UTC+1')
  expect(await render('en', { email: 'a@x', role: 'VIEWER' }, { email: 'a@x', role: 'OPERATOR' })).toBe('Role: Viewer → Operator')
})

test('booleans, a token’s ending, markets, language, operation and a sync issue’s cause by name', async () => {
  expect(await render('en', { acting: true }, { acting: false, sessionEnded: 'signed_out' })).toBe('Acting for the merchant: yes → no Session ended: (new) → signed_out')
  expect(await render('fr', { acting: true }, { acting: false })).toBe('Agit pour le marchand : oui → non')
  expect(await render('en', { connected: true, ending: 'ab12', markets: ['fr-fr'] }, { connected: false })).toBe('Connected: yes → no Token ending: …ab12 → (removed) Markets: France → (removed)')
  expect(await render('fr', { locale: 'en' }, { locale: 'fr' })).toBe('Langue : English → Français')
  expect(await render('en', null, { reason: 'Done by hand', operation: 'ACCEPT', kind: 'NOT_FOUND', sku: 'SKU-1' })).toBe('Reason: Done by hand Operation: Accept Kind: SKU SKU-1 not found on Back Market SKU: SKU-1')
  expect(await render('fr', null, { operation: 'STOCK', kind: 'CONNECTION' })).toBe('Opération : Stock Type : Back Market injoignable')
})

test('a nested object is one labelled line per key; an address uses the form’s labels; unknown keys stay raw', async () => {
  const session = { browser: 'Firefox', system: 'macOS', ipAddress: '203.0.113.7', createdAt: '2026-12-01T08:00:00.000Z' }
  expect(await render('en', { session }, null, 'UTC')).toBe('Session: Browser: Firefox System: macOS IP address: 203.0.113.7 Created: Dec 1, 2026, 08:00 UTC → (removed)')
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={(await loadMessages('en')) as AbstractIntlMessages} timeZone="UTC">
      <AuditDiff before={{ session }} after={null} />
    </NextIntlClientProvider>,
  )
  expect(html).not.toContain('{&quot;browser')
  expect(html.match(/class="block"/g)).toHaveLength(4)
  expect(await render('fr', { postalCode: '75001', city: 'Paris' }, { postalCode: '92700', city: 'Colombes' })).toBe('Code postal : 75001 → 92700 Ville : Paris → Colombes')
  expect(await render('en', null, { somethingNew: 'x' })).toBe('somethingNew: x')
})
