// What an API key looks like and how it is stored. Pure (node:crypto only): a key is
// `bmk_wh_` (warehouse) or `bmk_live_` (merchant) and 32 base62 characters, about 190 bits drawn
// from the CSPRNG, so a SHA-256 of it is enough at rest (no salt, no slow hash: nobody can guess
// through 2^190 keys, and a lookup by hash stays one index probe). docs/decisions/0009-api-keys.md.
import { createHash, randomBytes } from 'node:crypto'

export type ApiKeyKindName = 'WAREHOUSE' | 'MERCHANT'

export const KEY_PREFIXES: Record<ApiKeyKindName, string> = { WAREHOUSE: 'bmk_wh_', MERCHANT: 'bmk_live_' }
export const KEY_RANDOM_LENGTH = 32
/** How much of a key lists show (the kind's prefix and a few random characters). */
export const KEY_DISPLAY_LENGTH = 12

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** Well-formed keys only: anything else is refused before the database is asked. */
export const API_KEY_PATTERN = /^bmk_(?:wh|live)_[0-9A-Za-z]{32}$/

/** 32 uniform base62 characters: bytes of 248 and above are dropped so no character is likelier. */
function randomBase62(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]
    }
  }
  return out
}

export function generateApiKey(kind: ApiKeyKindName): string {
  return `${KEY_PREFIXES[kind]}${randomBase62(KEY_RANDOM_LENGTH)}`
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

export function displayPrefix(key: string): string {
  return key.slice(0, KEY_DISPLAY_LENGTH)
}

export function kindOfKey(key: string): ApiKeyKindName | null {
  if (!API_KEY_PATTERN.test(key)) return null
  return key.startsWith(KEY_PREFIXES.WAREHOUSE) ? 'WAREHOUSE' : 'MERCHANT'
}

/**
 * The key of an `Authorization: Bearer <key>` header, or null when the header is missing or is
 * not a well-formed key (the scheme is case-insensitive, RFC 9110 §11.1).
 */
export function bearerKey(authorization: string | null): string | null {
  const match = /^bearer +(\S+) *$/i.exec(authorization ?? '')
  const key = match?.[1] ?? null
  return key !== null && kindOfKey(key) !== null ? key : null
}
