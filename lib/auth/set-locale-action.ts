'use server'
// The person picks a language (the header's switch): remembered on their user (it follows them
// to other browsers, audited like the Profile page's change) and in a cookie (read on every
// request without a database round trip).
import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { isLocale, LOCALE_COOKIE, localeCookieOptions } from '@/lib/i18n/locales'
import { getCurrentSession } from './require-user'

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale')
  if (!isLocale(locale)) return
  const store = await cookies()
  store.set(LOCALE_COOKIE, locale, localeCookieOptions())
  const session = await getCurrentSession()
  if (session && session.user.locale !== locale) {
    const { user } = session
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.userId }, data: { locale } })
      await recordAudit(tx, {
        actor: user.actor,
        merchantId: user.userRole === 'STAFF' ? null : user.merchantId,
        action: 'user.preferences_updated',
        subject: { type: 'user', id: user.userId },
        before: { locale: user.locale },
        after: { locale },
      })
    })
  }
  revalidatePath('/', 'layout')
}
