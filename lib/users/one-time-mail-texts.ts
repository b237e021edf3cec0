// The subject and text of the emails that carry a one-time link, in the recipient's language.
import { createTranslator } from 'next-intl'
import { isLocale } from '@/lib/i18n/locales'
import { loadMessages } from '@/messages'

export async function oneTimeMailTexts(
  kind: 'invitation' | 'passwordReset',
  { name, merchantName, url, expiresAt, locale }: { name: string; merchantName: string; url: string; expiresAt: Date; locale?: string | null },
): Promise<{ subject: string; text: string }> {
  const lang = isLocale(locale) ? locale : 'en'
  const t = createTranslator({ locale: lang, messages: await loadMessages(lang), namespace: 'people.email' })
  // The recipient's zone is unknown to whoever sends the mail: the expiry is given in UTC, named so.
  const expires = new Intl.DateTimeFormat(lang, {
    year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
  }).format(expiresAt)
  const values = { name, merchant: merchantName, url, expires }
  return { subject: t(`${kind}Subject`, values), text: t(`${kind}Text`, values) }
}
