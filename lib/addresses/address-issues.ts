// The address-error taxonomy (docs/backmarket.md §2.4): a closed list of codes, in the order the checks run,
// each issue carrying an English message for the merchant and the params a later i18n layer
// needs to say the same thing in French.
import { ADDRESS_FIELD_LABELS, type AddressField } from './address-schema'

export const ADDRESS_ERROR_CODES = [
  'NAME_MISSING',
  'NAME_TOO_LONG',
  'NAME_NON_LATIN',
  'STREET_MISSING',
  'STREET_TOO_LONG',
  'STREET2_TOO_LONG',
  'CITY_MISSING',
  'CITY_TOO_LONG',
  'ZIP_MISSING',
  'ZIP_TOO_LONG',
  'ZIP_BAD_FORMAT',
  'COUNTRY_INVALID',
  'PHONE_MISSING',
  'PHONE_BAD_FORMAT',
  'EMAIL_INVALID',
  'ADDRESS_ANONYMIZED',
] as const

export type AddressErrorCode = (typeof ADDRESS_ERROR_CODES)[number]

export type AddressIssue = {
  code: AddressErrorCode
  /** 'address' when the issue is about the address as a whole. */
  field: AddressField | 'address'
  /** 'error' blocks the order (it goes to the Errors tab); 'warning' only informs. */
  severity: 'error' | 'warning'
  /** What is wrong and what to do, in English. */
  message: string
  params?: Record<string, string | number>
}

export function fieldLabel(field: AddressField): string {
  return ADDRESS_FIELD_LABELS[field]
}

export function missing(code: AddressErrorCode, field: AddressField, advice: string): AddressIssue {
  return { code, field, severity: 'error', message: `${fieldLabel(field)} is missing. ${advice}` }
}

/** `limitBy` names whose limit it is ("Cubyn", "Colissimo"), so the merchant knows why 29 and not 35. */
export function tooLong(
  code: AddressErrorCode,
  field: AddressField,
  { length, max, limitBy }: { length: number; max: number; limitBy: string },
  advice: string,
): AddressIssue {
  return {
    code,
    field,
    severity: 'error',
    message: `${fieldLabel(field)} is ${length} characters long; ${limitBy} accepts at most ${max}. ${advice}`,
    params: { length, max, limitBy },
  }
}
