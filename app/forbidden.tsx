// The 403 page (forbidden() from requireUser / requireStaffUser): says what the page needs and
// what to do about it, from the session that was refused — a viewer or operator on an admin page,
// read-only staff on a page that changes the merchant, a merchant user on a staff page. The guard
// notes which (notedRefusal).
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonClasses } from '@/components/ui/button'
import { getCurrentSession, notedRefusal, type Refusal } from '@/lib/auth/require-user'

const TEXT: Record<Refusal, string> = {
  staff_only: 'staffOnly',
  needs_admin: 'needsAdmin',
  needs_operator: 'needsOperator',
  staff_read_only: 'staffReadOnly',
}

export default async function Forbidden() {
  const [session, t, tCommon] = await Promise.all([getCurrentSession(), getTranslations('roles'), getTranslations('common')])
  const user = session?.user ?? null
  const why = notedRefusal()
  const merchant = user?.merchantName ?? ''
  const role = user?.role ? t(`role.${user.role}`) : ''
  // Staff with nothing open have no orders to go back to: their home is the merchants list.
  const home = user?.staff && !user.merchantId ? { href: '/staff', label: t('forbidden.backToMerchants') } : { href: '/orders', label: t('forbidden.backToOrders') }
  // A page's refusal is drawn inside the dashboard's <main>; the staff layout's own refusal (anyone
  // but staff on /staff) replaces that layout, so this page brings its own landmark.
  const Landmark = why === 'staff_only' ? 'main' : 'div'
  return (
    <Landmark className="flex justify-center px-4 py-16 sm:py-24">
      <title>{`${t('forbidden.metaTitle')} · ${tCommon('appName')}`}</title>
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-700">{t('forbidden.status')}</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t('forbidden.title')}</h1>
        <p className="mt-3 text-sm text-slate-700">{t(`forbidden.${why ? TEXT[why] : 'signedOut'}`, { merchant, role })}</p>
        <Link href={home.href} className={buttonClasses({ className: 'mt-6' })}>
          {home.label}
        </Link>
      </div>
    </Landmark>
  )
}
