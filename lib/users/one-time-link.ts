// The address of a one-time link, as the admin copies it and the email carries it. Pure.
import type { OneTimeKind } from './one-time-token'

const PATHS: Record<OneTimeKind, string> = { INVITATION: '/invite/', PASSWORD_RESET: '/reset-password/' }

/** `origin` is the site as the admin reached it (or APP_URL); a trailing slash is tolerated. */
export function oneTimeLinkUrl(origin: string, kind: OneTimeKind, token: string): string {
  return `${origin.replace(/\/+$/, '')}${PATHS[kind]}${encodeURIComponent(token)}`
}
