// Everything a person can change about themselves — language and zone, password, open sessions —
// for any signed-in person: the dashboard's Settings → Profile, and a staff page (staff with no
// merchant open do not reach /settings) can mount the same.
import { getLocale, getTranslations } from 'next-intl/server'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import type { ActiveSession } from '@/lib/auth/get-session-from-token'
import { isLocale } from '@/lib/i18n/locales'
import { timeZoneChoices } from '@/lib/i18n/time-zone'
import { getProfile } from '@/lib/users/get-profile'
import { listSessions } from '@/lib/users/list-sessions'
import { ChangePasswordForm } from './change-password-form'
import { PreferencesForm } from './preferences-form'
import { SessionList } from './session-list'

export async function ProfileSections({ session }: { session: Pick<ActiveSession, 'sessionId' | 'user'> }) {
  const [t, locale, profile, sessions] = await Promise.all([
    getTranslations('people'),
    getLocale(),
    getProfile({ userId: session.user.userId }),
    listSessions({ session }),
  ])
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
