// The dashboard's top bar: which merchant's data this is, who is signed in, sign-out (here and
// everywhere), and the section tabs.
import { getTranslations } from 'next-intl/server'
import { AppHeader } from '@/components/layout/app-header'
import { DashboardNav } from '@/components/layout/dashboard-nav'
import { Button } from '@/components/ui/button'
import type { SignedInUser } from '@/lib/auth/signed-in-user'
import { signOutEverywhereAction } from '@/lib/auth/sign-out-everywhere-action'

export async function DashboardHeader({ user }: { user: SignedInUser }) {
  const tAuth = await getTranslations('auth')
  return (
    <AppHeader
      context={user.merchantName}
      user={user}
      nav={<DashboardNav role={user.role} />}
      actions={
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary" size="sm" title={tAuth('signOutEverywhereHint')}>
            {tAuth('signOutEverywhere')}
          </Button>
        </form>
      }
    />
  )
}
