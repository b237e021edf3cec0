// A refused filter is said under its own field, in the reader's language, and the field points at it.
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { auditFilterErrors, AuditFilterSchema } from '@/lib/audit/audit-filters'
import type { LOCALES } from '@/lib/i18n/locales'
import { loadMessages } from '@/messages'
import { AuditFiltersForm } from './audit-filters-form'

async function render(locale: (typeof LOCALES)[number], values: Record<string, string>) {
  const parsed = AuditFilterSchema.safeParse(values)
  const errors = parsed.success ? {} : auditFilterErrors(parsed.error)
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={(await loadMessages(locale)) as AbstractIntlMessages} timeZone="UTC">
      <AuditFiltersForm values={values} actors={[]} exportHref="/api/audit/export" errors={errors} />
    </NextIntlClientProvider>,
  )
}

test('the end before the start: said under "To", which points at it; other fields untouched', async () => {
  const html = await render('en', { from: '2026-12-05', to: '2026-12-01' })
  expect(html).toMatch(/<input[^>]*id="audit-to"[^>]*aria-invalid="true"[^>]*aria-describedby="audit-to-error"/)
  expect(html).toContain('<p id="audit-to-error" class="mt-1.5 text-sm text-red-700">This day is before the start day.</p>')
  expect(html).not.toMatch(/id="audit-from"[^>]*aria-invalid/)
  expect(html).not.toContain('The end is before the start')
})

test('in French, a control character in the reference; "Du" and "Au"', async () => {
  const html = await render('fr', { reference: '10\u0001' })
  expect(html).toMatch(/<input[^>]*id="audit-reference"[^>]*aria-describedby="audit-reference-error"/)
  expect(html).toContain('La référence ne doit pas contenir de caractères de contrôle.')
  expect(html).toContain('>Du</label>')
  expect(html).toContain('>Au</label>')
  expect(html).toContain('>Automatique</option>')
  expect(await render('fr', {})).not.toContain('aria-invalid="')
})
