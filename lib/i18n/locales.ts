// The dashboard's languages. The merchant chooses (saved on their user and in a cookie so every
// request knows it without a database read); until they do, their browser's language decides.
export const LOCALES = ['en', 'fr'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'
export const LOCALE_COOKIE = 'bm_locale'
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The cookie's choice, else the first supported language the browser asks for, else English. */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase()
    if (isLocale(tag)) return tag
  }
  return DEFAULT_LOCALE
}

/**
 * The language to keep once someone signs in: the one this browser chose (on the sign-in page or
 * earlier) stays, since it is the latest choice made here; a browser that never chose gets the
 * account's (the user's own, else their merchant's).
 */
export function localeAfterSignIn(cookie: string | undefined, account: string | null | undefined): Locale | null {
  if (isLocale(cookie)) return cookie
  return isLocale(account) ? account : null
}

/** The language cookie: readable by the page (no secret in it), kept a year. */
export function localeCookieOptions() {
  return { path: '/', sameSite: 'lax' as const, httpOnly: false, maxAge: 365 * 24 * 3600, secure: process.env.NODE_ENV === 'production' }
}
