// Session tokens: 32 random bytes for the cookie; only their SHA-256 is stored, so a leaked
// Session table gives nobody a usable cookie.
import { createHash, randomBytes } from 'node:crypto'

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function generateSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Rejects junk before it costs a database round trip. */
export function isWellFormedSessionToken(token: string): boolean {
  return TOKEN_PATTERN.test(token)
}
