// /settings/profile — everyone's own settings (viewers included): language and time zone, password,
// and the sessions open on other browsers, each with "Sign out".
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ProfileSections } from '@/components/people/profile-sections'
import { getCurrentSession, requireUser } from '@/lib/auth/require-user'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people.profilePage')
  return { title: t('title') }
}

export default async function ProfilePage() {
  const [, session] = await Promise.all([requireUser('read'), getCurrentSession()])
  // requireUser has checked the session; the request's cached lookup holds it.
  if (!session) redirect('/login')
  return <ProfileSections session={session} />
}
