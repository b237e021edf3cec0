'use client'
// The staff's sections (and their own profile). Merchants is the section's home (/staff) and its
// onboarding page (/staff/merchants/…); Warehouse keys its own: one prefix cannot tell them apart.
import { useTranslations } from 'next-intl'
import { NavTabs } from '@/components/layout/nav-tabs'

const TABS = [
  { href: '/staff', section: '/staff/merchants', key: 'merchants' },
  { href: '/staff/warehouse-keys', section: '/staff/warehouse-keys', key: 'warehouseKeys' },
  { href: '/staff/profile', section: '/staff/profile', key: 'profile' },
] as const

export function StaffNav() {
  const t = useTranslations('staff.header')
  return (
    <NavTabs
      label={t('sections')}
      tabs={TABS.map((tab) => ({ href: tab.href, section: tab.section, text: t(tab.key) }))}
      className="-mb-px mt-2 flex gap-4 overflow-x-auto sm:gap-6"
      tabClassName="pt-1 pb-3"
    />
  )
}
