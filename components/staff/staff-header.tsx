// The staff's own top bar: who is signed in (the fulfilment company's support, no merchant), the
// two sections, the language, sign-out.
import { getTranslations } from 'next-intl/server'
import { LocaleSwitcher } from '@/components/layout/locale-switcher'
import { Button } from '@/components/ui/button'
import type { SessionUser } from '@/lib/auth/signed-in-user'
import { signOutAction } from '@/lib/auth/sign-out-action'
import { StaffNav } from './staff-nav'

export async function StaffHeader({ user }: { user: SessionUser }) {
  const [t, tCommon] = await Promise.all([getTranslations('staff.header'), getTranslations('common')])
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-3 sm:px-6 lg:px-8">
        <div className="min-w-0">
          <p className="text-xs font-semibold tracking-wide text-indigo-700 uppercase">{tCommon('appName')}</p>
          <p className="truncate text-base font-semibold text-slate-900">{t('team')}</p>
        </div>
        <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-2">
          <p className="hidden min-w-0 text-right text-sm sm:block">
            <span className="block truncate font-medium text-slate-800">{user.name}</span>
            <span className="block truncate text-slate-600">{user.email}</span>
          </p>
          <LocaleSwitcher />
          <form action={signOutAction}>
            <Button type="submit" variant="secondary" size="sm">
              {tCommon('signOut')}
            </Button>
          </form>
        </div>
      </div>
      <div className="mx-auto max-w-7xl px-4 sm:px-6 lg:px-8">
        <StaffNav />
      </div>
    </header>
  )
}
