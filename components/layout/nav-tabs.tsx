'use client'
// A row of tabs that are links: the current one (its section or anything below it) is marked with
// aria-current and an underline. The dashboard's sections and the settings' tabs are two of these.
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/components/ui/cn'

/**
 * A tab is current on its own page and anywhere under `section` (a section may open on one of its
 * pages, as Settings does; or live apart from its home page, as the staff's Merchants does).
 */
export type NavTab = { href: string; section: string; text: string }

export function NavTabs({ label, tabs, className, tabClassName }: { label: string; tabs: NavTab[]; className?: string; tabClassName?: string }) {
  const pathname = usePathname()
  return (
    <nav aria-label={label} className={className}>
      {tabs.map((tab) => {
        const current = pathname === tab.href || pathname === tab.section || pathname.startsWith(`${tab.section}/`)
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              // The focus ring is drawn inside the tab: a scrolling nav would clip an outline.
              'rounded-t-sm border-b-2 px-1 text-sm font-medium whitespace-nowrap focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-hidden focus-visible:ring-inset',
              tabClassName,
              current ? 'border-indigo-700 text-indigo-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
            )}
          >
            {tab.text}
          </Link>
        )
      })}
    </nav>
  )
}
