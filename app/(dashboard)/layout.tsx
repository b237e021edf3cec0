import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import { RoleProvider } from '@/components/auth/role-context'
import { DashboardHeader } from '@/components/layout/dashboard-header'
import { StaffBarLazy } from '@/components/staff/staff-bar-lazy'
import { ConnectionBanner } from '@/components/sync/connection-banner'
import { DisabledEndpointsNotice } from '@/components/webhooks/disabled-endpoints-notice'
import { requireUser } from '@/lib/auth/require-user'

// Every page under this layout is signed-in only. Pages check again themselves (requireUser is
// cached per request): a layout does not re-render on navigation, so it cannot guard them alone.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [user, t] = await Promise.all([requireUser(), getTranslations('common')])
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow focus:outline-2 focus:outline-indigo-600"
      >
        {t('skipToContent')}
      </a>
      {/* Staff see whose dashboard this is and whether they act on it, above everything else. */}
      {user.staff ? <StaffBarLazy merchantName={user.merchantName} acting={user.staff.acting} /> : null}
      <DashboardHeader user={user} />
      <ConnectionBanner merchantId={user.merchantId} />
      <DisabledEndpointsNotice merchantId={user.merchantId} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
        <RoleProvider role={user.role} staffReadOnly={user.staff !== null && !user.staff.acting} merchantName={user.merchantName}>
          {children}
        </RoleProvider>
      </main>
    </>
  )
}
