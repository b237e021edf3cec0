// Address issues in the merchant's language, rebuilt from their code and params (lib/addresses
// writes them with an English message, which stays the fallback for anything not translated here).
import type { useTranslations } from 'next-intl'

/** The `errors` namespace's translator, from useTranslations('errors') or getTranslations('errors'). */
export type ErrorsT = ReturnType<typeof useTranslations<'errors'>>

export type IssueLike = { code: string; field: string; severity?: string; message?: string; params?: Record<string, string | number> }

export function fieldName(t: ErrorsT, field: string): string {
  return t.has(`fields.${field}`) ? t(`fields.${field}`) : field
}

export function regionName(locale: string, code: string | number | null | undefined): string {
  if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) return String(code ?? '')
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** `country` is the address's own, for messages that name it without carrying it in params. */
export function issueText(t: ErrorsT, locale: string, issue: IssueLike, country: string | null): string {
  const key = `issues.${issue.code}`
  if (!t.has(key)) return issue.message ?? issue.code
  const p = issue.params ?? {}
  const str = (k: string) => (p[k] === undefined ? '' : String(p[k]))
  const countryCode = issue.code === 'COUNTRY_INVALID' ? str('country') : str('country') || country
  return t(key, {
    field: issue.field,
    fieldName: fieldName(t, issue.field),
    severity: issue.severity ?? 'error',
    reason: str('reason'),
    length: str('length'),
    max: str('max'),
    min: str('min'),
    digits: str('digits'),
    limitBy: str('limitBy') || 'Cubyn',
    characters: str('characters'),
    postcode: str('postcode'),
    expected: str('expected'),
    expectedName: regionName(locale, str('expected')),
    hasExpected: p.expected ? 'yes' : 'no',
    example: str('example'),
    hasExample: p.example ? 'yes' : 'no',
    country: str('country'),
    countryName: regionName(locale, countryCode),
    hasCountry: countryCode ? 'yes' : 'no',
    phone: str('phone'),
    email: str('email'),
    fieldNames: str('fields')
      .split(',')
      .filter(Boolean)
      .map((f) => fieldName(t, f))
      .join(', '),
  })
}

const PROBLEM_KIND: Record<string, 'missing' | 'tooLong' | 'nonLatin' | 'badFormat' | 'invalid' | 'anonymised'> = {
  NAME_MISSING: 'missing',
  STREET_MISSING: 'missing',
  CITY_MISSING: 'missing',
  ZIP_MISSING: 'missing',
  PHONE_MISSING: 'missing',
  NAME_TOO_LONG: 'tooLong',
  STREET_TOO_LONG: 'tooLong',
  STREET2_TOO_LONG: 'tooLong',
  CITY_TOO_LONG: 'tooLong',
  ZIP_TOO_LONG: 'tooLong',
  NAME_NON_LATIN: 'nonLatin',
  ZIP_BAD_FORMAT: 'badFormat',
  COUNTRY_INVALID: 'invalid',
  PHONE_BAD_FORMAT: 'invalid',
  EMAIL_INVALID: 'invalid',
  ADDRESS_ANONYMIZED: 'anonymised',
}

/** A few words for the list ("Street too long"); a code we do not know yet keeps its field. */
export function problemLabel(t: ErrorsT, issue: Pick<IssueLike, 'code' | 'field'>): string {
  return t(`problems.${PROBLEM_KIND[issue.code] ?? 'invalid'}`, { field: fieldName(t, issue.field) })
}
