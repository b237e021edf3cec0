'use client'
// The settings tabs: the user's own profile; the account (Back Market connection, users) and its
// integrations (API keys, webhooks) for admins; the reference of the API for everyone.
import { useTranslations } from 'next-intl'
import type { MerchantRole } from '@/lib/auth/roles'
import { roleCan } from '@/lib/auth/roles'
import { NavTabs } from './nav-tabs'

const TABS = [
  { href: '/settings/profile', key: 'profile', adminOnly: false },
  { href: '/settings/back-market', key: 'backMarket', adminOnly: true },
  { href: '/settings/users', key: 'users', adminOnly: true },
  { href: '/settings/api-keys', key: 'apiKeys', adminOnly: true },
  { href: '/settings/webhooks', key: 'webhooks', adminOnly: true },
  { href: '/settings/api-reference', key: 'apiReference', adminOnly: false },
] as const

export function SettingsNav({ role }: { role: MerchantRole }) {
  const t = useTranslations('common.settings')
  return (
    <NavTabs
      label={t('tabs')}
      tabs={TABS.filter((tab) => !tab.adminOnly || roleCan(role, 'administer')).map((tab) => ({ href: tab.href, section: tab.href, text: t(tab.key) }))}
      className="mb-6 flex gap-4 overflow-x-auto border-b border-slate-200"
      tabClassName="-mb-px pb-2"
    />
  )
}
