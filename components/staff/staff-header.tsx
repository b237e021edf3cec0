// The staff's own top bar: the fulfilment company's support (no merchant), who is signed in, the
// staff sections.
import { getTranslations } from 'next-intl/server'
import { AppHeader } from '@/components/layout/app-header'
import type { SessionUser } from '@/lib/auth/signed-in-user'
import { StaffNav } from './staff-nav'

export async function StaffHeader({ user }: { user: SessionUser }) {
  const t = await getTranslations('staff.header')
  return <AppHeader context={t('team')} user={user} nav={<StaffNav />} />
}
