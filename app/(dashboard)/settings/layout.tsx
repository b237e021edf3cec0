// /settings/* — the user's profile, and for admins the account and its integrations, one tab each.
import type { ReactNode } from 'react'
import { SettingsNav } from '@/components/layout/settings-nav'
import { requireUser } from '@/lib/auth/require-user'

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const user = await requireUser()
  return (
    <>
      <SettingsNav role={user.role} />
      {children}
    </>
  )
}
