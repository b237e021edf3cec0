// The frame of the public one-time-link pages (invitation, password reset): like the sign-in page,
// the language can be chosen before anything else.
import type { ReactNode } from 'react'
import { LocaleSwitcher } from '@/components/layout/locale-switcher'

export function OneTimeLinkLayout({ eyebrow, title, children }: { eyebrow: string; title: string; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex justify-end px-4 pt-3 sm:px-6">
        <LocaleSwitcher />
      </header>
      <main className="flex flex-1 items-center justify-center px-4 py-12">
        <div className="w-full max-w-sm">
          <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">{eyebrow}</p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">{title}</h1>
          <div className="mt-8 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
        </div>
      </main>
    </div>
  )
}
