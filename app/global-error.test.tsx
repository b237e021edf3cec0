// The error pages are drawn when the layouts that carry the nonce and the messages failed: they
// must hold no inline style (the CSP refuses it: Next's built-in pages use them) and, for the root
// one, say its lines in both languages, since no locale is known.
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { SegmentError } from '@/components/layout/segment-error'
import { loadMessages } from '@/messages'
import GlobalError from './global-error'

const failure = Object.assign(new Error('hidden detail'), { digest: '4242' })

test('the root error page: its own document, English and French, the reference, no inline style nor detail', () => {
  const html = renderToStaticMarkup(<GlobalError error={failure} />)
  expect(html).toMatch(/^<html lang="en"><head><title>Something went wrong on our side · Une erreur est survenue de notre côté<\/title><\/head><body/)
  expect(html).toContain('<main')
  expect(html).toContain('<h1 class="text-lg font-semibold text-slate-900">Something went wrong on our side</h1>')
  expect(html).toContain('<div lang="fr"><h2 class="text-lg font-semibold text-slate-900">Une erreur est survenue de notre côté</h2>')
  expect(html).toContain('Reference: 4242')
  expect(html).toContain('Référence : 4242')
  expect(html).not.toContain('style=')
  expect(html).not.toContain('hidden detail')
})

test('a segment error: in the reader language, its own <main> only when asked (the root segment has none around it)', async () => {
  const messages = (await loadMessages('fr')) as unknown as AbstractIntlMessages
  const render = (landmark: boolean) =>
    renderToStaticMarkup(
      <NextIntlClientProvider locale="fr" messages={messages} timeZone="UTC">
        <SegmentError error={failure} retry={() => {}} landmark={landmark} />
      </NextIntlClientProvider>,
    )
  expect(render(true)).toMatch(/^<main[^>]*><div role="alert"/)
  expect(render(false)).toMatch(/^<div role="alert"/)
  expect(render(false)).toContain('Une erreur est survenue de notre côté')
  expect(render(false)).toContain('Référence : 4242')
  expect(render(false)).not.toContain('style=')
})
