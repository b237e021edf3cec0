// /settings/* — the merchant's integration settings, one tab each: API keys, webhooks.
import type { ReactNode } from 'react'
import { SettingsNav } from '@/components/layout/settings-nav'

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SettingsNav />
      {children}
    </>
  )
}
