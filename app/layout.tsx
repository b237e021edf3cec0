import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { NextIntlClientProvider } from 'next-intl'
import { getLocale, getTranslations } from 'next-intl/server'
import './globals.css'

// In the reader's language, like the pages' own titles.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common')
  return {
    title: { template: `%s · ${t('appName')}`, default: t('appName') },
    description: t('appDescription'),
    robots: { index: false, follow: false },
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale()
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <NextIntlClientProvider>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
