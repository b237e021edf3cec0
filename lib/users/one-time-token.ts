// One-time links (invitations, password resets): 32 random bytes in the URL; only their SHA-256 is
// stored (UserToken.id), so a leaked table opens no account. Pure: no database here.
import { createHash, randomBytes } from 'node:crypto'

export type OneTimeKind = 'INVITATION' | 'PASSWORD_RESET'

/** How long a link works: an invitation waits for someone to read their mail; a reset is urgent. */
export const ONE_TIME_TTL_MS: Record<OneTimeKind, number> = {
  INVITATION: 7 * 24 * 3600_000,
  PASSWORD_RESET: 24 * 3600_000,
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function generateOneTimeToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Rejects junk (and over-long paths) before it costs a database round trip. */
export function isWellFormedOneTimeToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token)
}
