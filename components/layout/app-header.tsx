// The top bar both sides share: the app's name over whose data this is (a merchant, or the
// support team), who is signed in, the language, sign-out (and any further buttons), then the
// section tabs.
import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import { LocaleSwitcher } from '@/components/layout/locale-switcher'
import { Button } from '@/components/ui/button'
import { signOutAction } from '@/lib/auth/sign-out-action'

type Props = {
  /** Whose data this is: the merchant's name, or the support team. */
  context: string
  user: { name: string; email: string }
  /** Buttons after sign-out. */
  actions?: ReactNode
  nav: ReactNode
}

export async function AppHeader({ context, user, actions, nav }: Props) {
  const t = await getTranslations('common')
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-3 sm:px-6 lg:px-8">
        <div className="min-w-0">
          <p className="text-xs font-semibold tracking-wide text-indigo-700 uppercase">{t('appName')}</p>
          <p className="truncate text-base font-semibold text-slate-900">{context}</p>
        </div>
        <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-2">
          <p className="hidden min-w-0 text-right text-sm sm:block">
            <span className="block truncate font-medium text-slate-800">{user.name}</span>
            <span className="block truncate text-slate-600">{user.email}</span>
          </p>
          <LocaleSwitcher />
          <form action={signOutAction}>
            <Button type="submit" variant="secondary" size="sm">
              {t('signOut')}
            </Button>
          </form>
          {actions}
        </div>
      </div>
      <div className="mx-auto max-w-7xl px-4 sm:px-6 lg:px-8">{nav}</div>
    </header>
  )
}
