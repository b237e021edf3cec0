'use client'
// A failure in the root layout itself: it replaces the whole document, with no messages provider
// and no locale (both come from that layout), so it says its few lines in both languages. Next's
// built-in page uses inline styles, which the nonce CSP refuses; this one uses Tailwind only.
import { errorDigest } from '@/components/layout/segment-error'
import { buttonClasses } from '@/components/ui/button'
import en from '@/messages/en/common.json'
import fr from '@/messages/fr/common.json'
import './globals.css'

// The texts straight from the JSON, not through next-intl's createTranslator: these messages are
// not precompiled, so a translator would bring the ICU parser (~8 kB gzip) into every page's first
// JavaScript, this boundary being loaded with every page. Only `reference` has an argument.
type ErrorPageKey = keyof typeof en.errorPage
const translator =
  (messages: typeof en.errorPage) =>
  (key: ErrorPageKey, values?: { digest: string }): string =>
    values ? messages[key].replace('{digest}', values.digest) : messages[key]

const LANGUAGES = [
  { lang: 'en', t: translator(en.errorPage) },
  { lang: 'fr', t: translator(fr.errorPage) },
] as const

export default function GlobalError({ error }: { error: unknown }) {
  const digest = errorDigest(error)
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50">
        <title>{`${LANGUAGES[0].t('title')} · ${LANGUAGES[1].t('title')}`}</title>
        <main className="mx-auto w-full max-w-3xl px-4 py-16 sm:py-24">
          <div role="alert" className="space-y-8 rounded-lg bg-white px-6 py-10 text-center shadow-sm ring-1 ring-slate-200">
            {LANGUAGES.map(({ lang, t }, i) => {
              const Heading = i === 0 ? 'h1' : 'h2'
              return (
                <div key={lang} lang={lang}>
                  <Heading className="text-lg font-semibold text-slate-900">{t('title')}</Heading>
                  <p className="mt-2 text-sm text-slate-600">{t('reloadBody')}</p>
                  {digest ? <p className="mt-2 font-mono text-xs text-slate-500">{t('reference', { digest })}</p> : null}
                </div>
              )
            })}
            {/* The root layout failed: only a new request can bring it back, not a re-render. */}
            <button type="button" className={buttonClasses()} onClick={() => window.location.reload()}>
              <span lang="en">{LANGUAGES[0].t('reload')}</span>
              <span aria-hidden="true">·</span>
              <span lang="fr">{LANGUAGES[1].t('reload')}</span>
            </button>
          </div>
        </main>
      </body>
    </html>
  )
}
