'use client'
// The settings tabs: API keys and webhooks (the merchant's own tools' way in and way out), and the
// reference of the API they call.
import { useTranslations } from 'next-intl'
import { NavTabs } from './nav-tabs'

const TABS = [
  { href: '/settings/api-keys', key: 'apiKeys' },
  { href: '/settings/webhooks', key: 'webhooks' },
  { href: '/settings/api-reference', key: 'apiReference' },
] as const

export function SettingsNav() {
  const t = useTranslations('common.settings')
  return (
    <NavTabs
      label={t('tabs')}
      tabs={TABS.map((tab) => ({ href: tab.href, section: tab.href, text: t(tab.key) }))}
      className="mb-6 flex gap-4 overflow-x-auto border-b border-slate-200"
      tabClassName="-mb-px pb-2"
    />
  )
}
