// /staff/* — the fulfilment company's support team: no merchant of their own, their own header.
// Pages check again themselves (requireStaffUser is cached per request): a layout does not
// re-render on navigation, so it cannot guard them alone.
import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import { StaffHeader } from '@/components/staff/staff-header'
import { requireStaffUser } from '@/lib/auth/require-user'

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [user, t] = await Promise.all([requireStaffUser(), getTranslations('common')])
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow focus:outline-2 focus:outline-indigo-600"
      >
        {t('skipToContent')}
      </a>
      <StaffHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
        {children}
      </main>
    </>
  )
}
