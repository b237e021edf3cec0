import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonClasses } from '@/components/ui/button'

// Also what another merchant's order looks like: indistinguishable from one that does not exist.
export default async function OrderNotFound() {
  const t = await getTranslations('orders.order.notFound')
  return (
    <div className="rounded-lg bg-white px-6 py-12 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('body')}</p>
      <Link href="/orders" className={buttonClasses({ className: 'mt-6' })}>
        {t('back')}
      </Link>
    </div>
  )
}
