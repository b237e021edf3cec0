'use client'
// Section tabs.
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { cn } from '@/components/ui/cn'

// `section` is the path a tab stays current under: Settings opens on its first tab.
const SECTIONS = [
  { href: '/orders', section: '/orders', key: 'orders' },
  { href: '/errors', section: '/errors', key: 'errors' },
  { href: '/connection-issues', section: '/connection-issues', key: 'connection' },
  { href: '/settings/api-keys', section: '/settings', key: 'settings' },
] as const

export function DashboardNav() {
  const pathname = usePathname()
  const t = useTranslations('common.nav')
  return (
    <nav aria-label={t('sections')} className="-mb-px mt-2 flex gap-2.5 overflow-x-auto sm:gap-6">
      {SECTIONS.map((s) => {
        const current = pathname === s.section || pathname.startsWith(`${s.section}/`)
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              // The focus ring is drawn inside the tab: the scrolling nav would clip an outline.
              'rounded-t-sm border-b-2 px-1 pt-1 pb-3 text-sm font-medium whitespace-nowrap focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-hidden focus-visible:ring-inset',
              current ? 'border-indigo-700 text-indigo-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
            )}
          >
            {t(s.key)}
          </Link>
        )
      })}
    </nav>
  )
}
