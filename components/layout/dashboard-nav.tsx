'use client'
// Section tabs.
import { useTranslations } from 'next-intl'
import { NavTabs } from './nav-tabs'

const SECTIONS = [
  { href: '/orders', section: '/orders', key: 'orders' },
  { href: '/errors', section: '/errors', key: 'errors' },
  { href: '/connection-issues', section: '/connection-issues', key: 'connection' },
  // Settings opens on its first tab and stays current on every one.
  { href: '/settings/api-keys', section: '/settings', key: 'settings' },
] as const

export function DashboardNav() {
  const t = useTranslations('common.nav')
  return (
    <NavTabs
      label={t('sections')}
      tabs={SECTIONS.map((s) => ({ href: s.href, section: s.section, text: t(s.key) }))}
      className="-mb-px mt-2 flex gap-2.5 overflow-x-auto sm:gap-6"
      tabClassName="pt-1 pb-3"
    />
  )
}
