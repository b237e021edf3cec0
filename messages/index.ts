// The dashboard's texts, one JSON file per area and language (messages/<locale>/<area>.json), so
// that areas can be written and reviewed independently. French and English must have the same keys
// (messages/messages.test.ts).
import type { Locale } from '@/lib/i18n/locales'
import en from './en'
import fr from './fr'

const ALL = { en, fr } as const

export type Messages = typeof en

export async function loadMessages(locale: Locale): Promise<Messages> {
  return ALL[locale]
}
