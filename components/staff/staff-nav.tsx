'use client'
// The staff's sections (and their own profile). Merchants is the section's home (/staff) and its onboarding page
// (/staff/merchants/…); Warehouse keys its own: one prefix cannot tell them apart.
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { cn } from '@/components/ui/cn'

const TABS = [
  { href: '/staff', key: 'merchants', current: (p: string) => p === '/staff' || p.startsWith('/staff/merchants') },
  { href: '/staff/warehouse-keys', key: 'warehouseKeys', current: (p: string) => p.startsWith('/staff/warehouse-keys') },
  { href: '/staff/profile', key: 'profile', current: (p: string) => p.startsWith('/staff/profile') },
] as const

export function StaffNav() {
  const t = useTranslations('staff.header')
  const pathname = usePathname()
  return (
    <nav aria-label={t('sections')} className="-mb-px mt-2 flex gap-4 overflow-x-auto sm:gap-6">
      {TABS.map((tab) => {
        const current = tab.current(pathname)
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'rounded-t-sm border-b-2 px-1 pt-1 pb-3 text-sm font-medium whitespace-nowrap focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-hidden focus-visible:ring-inset',
              current ? 'border-indigo-700 text-indigo-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
            )}
          >
            {t(tab.key)}
          </Link>
        )
      })}
    </nav>
  )
}
