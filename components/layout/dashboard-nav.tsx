'use client'
// Section tabs. Only Orders exists today; "Errors" and "Connection issues" join this list.
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/components/ui/cn'

const SECTIONS = [{ href: '/orders', label: 'Orders' }] as const

export function DashboardNav() {
  const pathname = usePathname()
  return (
    <nav aria-label="Sections" className="-mb-px mt-2 flex gap-6 overflow-x-auto">
      {SECTIONS.map((s) => {
        const current = pathname === s.href || pathname.startsWith(`${s.href}/`)
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'border-b-2 px-1 pt-1 pb-3 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
              current ? 'border-indigo-700 text-indigo-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
            )}
          >
            {s.label}
          </Link>
        )
      })}
    </nav>
  )
}
