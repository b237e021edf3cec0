// /invite/<token> — public: someone invited by an admin sets their name and password and is signed
// in. A link that does not work (expired, used, replaced, unknown) gets one page, no hint which.
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { InvalidLink } from '@/components/people/invalid-link'
import { OneTimeLinkLayout } from '@/components/people/one-time-link-layout'
import { SetPasswordForm } from '@/components/people/set-password-form'
import { inspectUserToken } from '@/lib/users/redeem-user-token'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people.invitePage')
  return { title: t('title'), referrer: 'no-referrer' }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations('people.invitePage')])
  const link = await inspectUserToken({ token, kind: 'INVITATION' })
  return (
    <OneTimeLinkLayout eyebrow={link?.merchantName ?? t('eyebrow')} title={link ? t('title') : t('invalidTitle')}>
      {link ? <SetPasswordForm kind="invitation" token={token} email={link.email} name={link.name} /> : <InvalidLink />}
    </OneTimeLinkLayout>
  )
}
