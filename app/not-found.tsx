import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonClasses } from '@/components/ui/button'

export default async function NotFound() {
  const t = await getTranslations('orders.notFoundPage')
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="text-center">
        <p className="text-sm font-semibold text-indigo-700">404</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <Link href="/orders" className={buttonClasses({ className: 'mt-6' })}>
          {t('cta')}
        </Link>
      </div>
    </main>
  )
}
