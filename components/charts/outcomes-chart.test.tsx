// The chart as the server sends it: the bars drawn, the same figures in the table, a summary for
// the image, in both languages.
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import type { LOCALES } from '@/lib/i18n/locales'
import type { DailyOutcome } from '@/lib/sync/daily-outcomes-rules'
import { loadMessages } from '@/messages'
import { OutcomesChart } from './outcomes-chart'

const zero = { failed: 0, recovered: 0 }
const DAYS: DailyOutcome[] = ['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08'].map((day) => ({
  day,
  parcelUpdate: day === '2026-12-06' ? { failed: 3, recovered: 1 } : zero,
  stockUpdate: day === '2026-12-08' ? { failed: 0, recovered: 2 } : zero,
}))

async function render(locale: (typeof LOCALES)[number], variant: 'full' | 'compact', timeZone = 'UTC') {
  const messages = (await loadMessages(locale)) as AbstractIntlMessages
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
      <OutcomesChart days={DAYS} variant={variant} caption={locale === 'en' ? 'The last 7 days' : 'Les 7 derniers jours'} />
    </NextIntlClientProvider>,
  )
}

function tableRows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'))
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!))
}

const barsOf = (html: string) => [...html.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]))

test('full: a panel per flow with a pair of bars per day, sized by the figures, and the figures in the table', async () => {
  const html = await render('en', 'full')
  const bars = barsOf(html)
  // 2 flows × 7 days × (failed, recovered).
  expect(bars).toHaveLength(28)
  // The parcel panel's 6 December: 3 failed reach the top of a 0–5 axis at 3/5, 1 recovered a third of that.
  const parcelDec6 = bars.slice(8, 10)
  expect(parcelDec6[0]! / parcelDec6[1]!).toBeCloseTo(3, 1)
  expect(bars.filter((h) => h > 0)).toHaveLength(3)
  expect(html).toContain('Parcel updates')
  expect(html).toContain('Stock updates')
  expect(html).toContain('<caption>The last 7 days</caption>')
  expect(tableRows(html)).toEqual([
    ['Wednesday, December 2', '0', '0', '0', '0'],
    ['Thursday, December 3', '0', '0', '0', '0'],
    ['Friday, December 4', '0', '0', '0', '0'],
    ['Saturday, December 5', '0', '0', '0', '0'],
    ['Sunday, December 6', '3', '1', '0', '0'],
    ['Monday, December 7', '0', '0', '0', '0'],
    ['Tuesday, December 8', '0', '0', '0', '2'],
  ])
  expect(html).toContain('role="img"')
  expect(html).toContain(
    'aria-label="The last 7 days, Wednesday, December 2 to Tuesday, December 8. Parcel updates: 3 failed attempts, 1 recovered. Stock updates: 0 failed attempts, 2 recovered."',
  )
  expect(html).not.toContain('style=')
})

test('compact: one small image for a table row, failures above the line and recoveries below, the same table', async () => {
  const html = await render('en', 'compact')
  expect(barsOf(html)).toHaveLength(14)
  expect(barsOf(html).filter((h) => h > 0)).toHaveLength(3)
  expect(html.match(/role="img"/g)).toHaveLength(1)
  expect(tableRows(html)[4]).toEqual(['Sunday, December 6', '3', '1', '0', '0'])
  expect(html).not.toContain('Parcel updates</p>')
})

test('in French, days and sentences are French; a day is the same calendar day in any reader zone', async () => {
  const html = await render('fr', 'full', 'Pacific/Kiritimati')
  expect(tableRows(html)[0]![0]).toBe('mercredi 2 décembre')
  expect(html).toContain('Mises à jour des colis : 3 tentatives échouées, 1 rétablie.')
  expect(html).toContain('<caption>Les 7 derniers jours</caption>')
  const honolulu = await render('fr', 'full', 'Pacific/Honolulu')
  expect(tableRows(honolulu)[0]![0]).toBe('mercredi 2 décembre')
})
