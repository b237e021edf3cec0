import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { LoginForm } from '@/components/auth/login-form'
import { LocaleSwitcher } from '@/components/layout/locale-switcher'
import { getCurrentSession } from '@/lib/auth/require-user'
import { safeRedirectPath } from '@/lib/auth/safe-redirect'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth')
  return { title: t('metaTitle') }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [session, params, t] = await Promise.all([getCurrentSession(), searchParams, getTranslations('auth')])
  const next = safeRedirectPath(params.next)
  if (session) redirect(next)

  return (
    <div className="flex min-h-dvh flex-col">
      {/* The language is chosen before signing in: the cookie it sets is read on this page too. */}
      <header className="flex justify-end px-4 pt-3 sm:px-6">
        <LocaleSwitcher />
      </header>
      <main className="flex flex-1 items-center justify-center px-4 py-12">
        <div className="w-full max-w-sm">
          <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">{t('eyebrow')}</p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t('title')}</h1>
          <div className="mt-8 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <LoginForm next={next} />
          </div>
        </div>
      </main>
    </div>
  )
}
