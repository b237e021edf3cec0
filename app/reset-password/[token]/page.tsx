// /reset-password/<token> — public: choose a new password from the link an admin issued; every
// session of the account ends and this browser is signed in. One page for every link that does not work.
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { InvalidLink } from '@/components/people/invalid-link'
import { OneTimeLinkLayout } from '@/components/people/one-time-link-layout'
import { SetPasswordForm } from '@/components/people/set-password-form'
import { inspectUserToken } from '@/lib/users/redeem-user-token'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people.resetPage')
  return { title: t('title'), referrer: 'no-referrer' }
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations('people.resetPage')])
  const link = await inspectUserToken({ token, kind: 'PASSWORD_RESET' })
  return (
    <OneTimeLinkLayout eyebrow={link?.merchantName ?? t('eyebrow')} title={link ? t('title') : t('invalidTitle')}>
      {link ? <SetPasswordForm kind="passwordReset" token={token} email={link.email} /> : <InvalidLink />}
    </OneTimeLinkLayout>
  )
}
