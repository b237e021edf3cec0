// One-time links (invitations, password resets): a token of the session cookie's form (32 random
// bytes, base64url) in the URL; only its SHA-256 is stored (UserToken.id), so a leaked table opens
// no account. Pure: no database here.
import { generateSessionToken, hashSessionToken, isWellFormedSessionToken } from '@/lib/auth/session-token'

export type OneTimeKind = 'INVITATION' | 'PASSWORD_RESET'

/** How long a link works: an invitation waits for someone to read their mail; a reset is urgent. */
export const ONE_TIME_TTL_MS: Record<OneTimeKind, number> = {
  INVITATION: 7 * 24 * 3600_000,
  PASSWORD_RESET: 24 * 3600_000,
}

export const generateOneTimeToken = generateSessionToken
export const hashOneTimeToken = hashSessionToken

/** Rejects junk (and over-long paths) before it costs a database round trip. */
export function isWellFormedOneTimeToken(token: unknown): token is string {
  return typeof token === 'string' && isWellFormedSessionToken(token)
}
