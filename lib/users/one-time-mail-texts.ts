// The subject and text of the emails that carry a one-time link, in the recipient's language, with
// the expiry in the recipient's zone (theirs, else their merchant's, else UTC), named so.
import { createTranslator } from 'next-intl'
import { isLocale } from '@/lib/i18n/locales'
import { isTimeZone } from '@/lib/i18n/time-zone'
import { loadMessages } from '@/messages'

export async function oneTimeMailTexts(
  kind: 'invitation' | 'passwordReset',
  { name, merchantName, url, expiresAt, locale, timeZone }: { name: string; merchantName: string; url: string; expiresAt: Date; locale?: string | null; timeZone?: string | null },
): Promise<{ subject: string; text: string }> {
  const lang = isLocale(locale) ? locale : 'en'
  const t = createTranslator({ locale: lang, messages: await loadMessages(lang), namespace: 'people.email' })
  const expires = new Intl.DateTimeFormat(lang, {
    year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZone: timeZone && isTimeZone(timeZone) ? timeZone : 'UTC', timeZoneName: 'short',
  }).format(expiresAt)
  const values = { name, merchant: merchantName, url, expires }
  return { subject: t(`${kind}Subject`, values), text: t(`${kind}Text`, values) }
}
