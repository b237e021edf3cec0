// /staff/profile — a staff user's own settings (language and time zone, password, open sessions):
// staff with no merchant open do not reach /settings, so the staff section mounts the same sections.
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ProfileSections } from '@/components/people/profile-sections'
import { getCurrentSession, requireStaffUser } from '@/lib/auth/require-user'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people.profilePage')
  return { title: t('title') }
}

export default async function StaffProfilePage() {
  const [, session] = await Promise.all([requireStaffUser(), getCurrentSession()])
  // requireStaffUser has checked the session; the request's cached lookup holds it.
  if (!session) redirect('/login')
  return <ProfileSections session={session} />
}
