'use server'
// The merchant picks a language: remembered on their user (it follows them to other browsers)
// and in a cookie (read on every request without a database round trip).
import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { db } from '@/lib/db'
import { isLocale, LOCALE_COOKIE, localeCookieOptions } from '@/lib/i18n/locales'
import { getCurrentSession } from './require-user'

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale')
  if (!isLocale(locale)) return
  const store = await cookies()
  store.set(LOCALE_COOKIE, locale, localeCookieOptions())
  const session = await getCurrentSession()
  if (session) await db.user.update({ where: { id: session.user.userId }, data: { locale } })
  revalidatePath('/', 'layout')
}
