// /settings/profile — everyone's own settings (viewers included): language and time zone, password,
// and the sessions open on other browsers, each with "Sign out".
import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { ChangePasswordForm } from '@/components/people/change-password-form'
import { PreferencesForm } from '@/components/people/preferences-form'
import { SessionList } from '@/components/people/session-list'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { getCurrentSession, requireUser } from '@/lib/auth/require-user'
import { isLocale } from '@/lib/i18n/locales'
import { timeZoneChoices } from '@/lib/i18n/time-zone'
import { getProfile } from '@/lib/users/get-profile'
import { listSessions } from '@/lib/users/list-sessions'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people.profilePage')
  return { title: t('title') }
}

export default async function ProfilePage() {
  const [user, session, t, locale] = await Promise.all([requireUser('read'), getCurrentSession(), getTranslations('people'), getLocale()])
  const [profile, sessions] = await Promise.all([getProfile({ userId: user.userId }), listSessions({ session: session! })])
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('profilePage.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm break-all text-slate-600">{t('profilePage.description', { name: profile.name, email: profile.email })}</p>
      </div>
      <Card aria-labelledby="preferences-title">
        <CardHeader title={t('preferences.title')} titleId="preferences-title" />
        <CardBody>
          <PreferencesForm
            locale={isLocale(profile.locale) ? profile.locale : isLocale(locale) ? locale : 'en'}
            timeZone={profile.timeZone}
            defaultTimeZone={profile.defaultTimeZone}
            zones={timeZoneChoices()}
          />
        </CardBody>
      </Card>
      <Card aria-labelledby="password-title">
        <CardHeader title={t('password.title')} titleId="password-title" description={t('password.description')} />
        <CardBody>
          <ChangePasswordForm />
        </CardBody>
      </Card>
      <section aria-labelledby="sessions-title" className="space-y-3">
        <h2 id="sessions-title" className="text-base font-semibold text-slate-900">
          {t('sessions.title', { count: sessions.length })}
        </h2>
        <SessionList sessions={sessions} />
      </section>
    </div>
  )
}
