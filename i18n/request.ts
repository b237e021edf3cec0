// next-intl: the locale and messages of each request (no locale in the URL: the merchant's choice
// lives in a cookie, see lib/i18n/locales.ts).
import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/locales'
import { resolveTimeZone, TIME_ZONE_COOKIE } from '@/lib/i18n/time-zone'
import { loadMessages } from '@/messages'

export default getRequestConfig(async () => {
  const [store, h] = await Promise.all([cookies(), headers()])
  const locale = resolveLocale(store.get(LOCALE_COOKIE)?.value, h.get('accept-language'))
  // Every time is formatted in the user's zone (lib/i18n/time-zone.ts), on the server and, through
  // NextIntlClientProvider, in the browser: one text on both sides.
  return { locale, messages: await loadMessages(locale), timeZone: resolveTimeZone(store.get(TIME_ZONE_COOKIE)?.value) }
})
