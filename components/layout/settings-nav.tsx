'use client'
// The settings tabs: API keys and webhooks, the merchant's own tools' way in and way out.
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { cn } from '@/components/ui/cn'

const TABS = [
  { href: '/settings/api-keys', key: 'apiKeys' },
  { href: '/settings/webhooks', key: 'webhooks' },
] as const

export function SettingsNav() {
  const pathname = usePathname()
  const t = useTranslations('common.settings')
  return (
    <nav aria-label={t('tabs')} className="mb-6 flex gap-4 border-b border-slate-200">
      {TABS.map((tab) => {
        const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`)
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              '-mb-px rounded-t-sm border-b-2 px-1 pb-2 text-sm font-medium whitespace-nowrap focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-hidden focus-visible:ring-inset',
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
