'use client'
// Section tabs. A tab the role cannot use is not shown (its page would answer 403).
import { useTranslations } from 'next-intl'
import type { MerchantRole } from '@/lib/auth/roles'
import { roleCan } from '@/lib/auth/roles'
import { NavTabs } from './nav-tabs'

const SECTIONS = [
  { href: '/orders', section: '/orders', key: 'orders', adminOnly: false },
  { href: '/errors', section: '/errors', key: 'errors', adminOnly: false },
  { href: '/connection-issues', section: '/connection-issues', key: 'connection', adminOnly: false },
  { href: '/audit', section: '/audit', key: 'audit', adminOnly: true },
  // Settings opens on its first tab (the user's profile) and stays current on every one.
  { href: '/settings/profile', section: '/settings', key: 'settings', adminOnly: false },
] as const

export function DashboardNav({ role }: { role: MerchantRole }) {
  const t = useTranslations('common.nav')
  return (
    <NavTabs
      label={t('sections')}
      tabs={SECTIONS.filter((s) => !s.adminOnly || roleCan(role, 'administer')).map((s) => ({ href: s.href, section: s.section, text: t(s.key) }))}
      className="-mb-px mt-2 flex gap-2.5 overflow-x-auto sm:gap-6"
      tabClassName="pt-1 pb-3"
    />
  )
}
