import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { LoginForm } from '@/components/auth/login-form'
import { getCurrentSession } from '@/lib/auth/require-user'
import { safeRedirectPath } from '@/lib/auth/safe-redirect'

export const metadata: Metadata = { title: 'Sign in' }

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [session, params] = await Promise.all([getCurrentSession(), searchParams])
  const next = safeRedirectPath(params.next)
  if (session) redirect(next)

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">Fulfilment dashboard</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">Sign in to your Back Market orders</h1>
        <div className="mt-8 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <LoginForm next={next} />
        </div>
      </div>
    </main>
  )
}
