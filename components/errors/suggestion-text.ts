// What a one-click fix does, in the merchant's language (lib/addresses/suggestions labels them in
// English, which stays the fallback for a kind not named here).
import type { AddressSuggestion } from '@/lib/addresses/suggestions'
import { regionName, type ErrorsT } from './issue-text'

export function suggestionText(t: ErrorsT, locale: string, s: AddressSuggestion, street2: string): { label: string; detail?: string } {
  const v = s.value
  switch (s.code) {
    case 'STREET_TOO_LONG':
      return {
        label: street2.trim() === '' ? t('suggest.split') : t('suggest.moveToStreet2'),
        detail: t('suggest.splitResult', { street: v.street ?? '', street2: v.street2 ?? '' }),
      }
    case 'PHONE_BAD_FORMAT':
      return { label: t('suggest.phone', { value: v.phone ?? '' }) }
    case 'ZIP_TOO_LONG':
    case 'ZIP_BAD_FORMAT':
      return { label: t('suggest.postcode', { value: v.postalCode ?? '' }) }
    case 'COUNTRY_INVALID':
      return { label: t('suggest.country', { value: v.country ?? '', name: regionName(locale, v.country) }) }
    case 'NAME_NON_LATIN':
      return { label: t('suggest.transliterate', { value: v[s.field] ?? '' }) }
    default:
      return { label: s.label }
  }
}
