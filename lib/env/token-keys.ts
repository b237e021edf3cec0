// The keys that protect merchants' Back Market tokens at rest. Several may be configured at once
// so that a key can be replaced without a flag day: the first is the one new ciphertexts use,
// the others still decrypt what they sealed until `npm run tokens:rotate` has re-encrypted it
// (docs/decisions/0007-token-keys.md). The format of TOKEN_ENCRYPTION_KEYS, so it sits with the
// environment that validates it at boot; lib/crypto/token-cipher.ts uses the keyring it gives.

/** A key id: short, and free of the separators of the ciphertext (`:`) and of the list (`,`). */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/

/** The id `TOKEN_ENCRYPTION_KEY` (a single key, the older variable) is known by. */
export const LEGACY_KEY_ID = 'default'

export type TokenKeyring = {
  /** The newest key: every encryption uses it. */
  currentId: string
  keys: ReadonlyMap<string, Buffer>
}

function keyBytes(raw: string, name: string): Buffer {
  const key = Buffer.from(raw, 'base64')
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`)
  return key
}

/**
 * `TOKEN_ENCRYPTION_KEYS` is `kid:base64,kid:base64`, newest first. `TOKEN_ENCRYPTION_KEY`, when
 * also set, joins as the oldest key under the id `default`, so a deployment can add a new key
 * beside its old single one, rotate, then drop the old variable.
 */
export function parseTokenKeys(opts: { keys?: string; legacyKey?: string }): TokenKeyring {
  const entries: [string, Buffer][] = []
  const items = (opts.keys ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  for (const [n, item] of items.entries()) {
    const at = item.indexOf(':')
    const id = at < 0 ? '' : item.slice(0, at)
    // The message names the entry by position: quoting it could print part of a key.
    if (!KEY_ID.test(id)) throw new Error(`TOKEN_ENCRYPTION_KEYS: entry ${n + 1} must be <key id>:<base64 key>, the id made of letters, digits, - or _`)
    entries.push([id, keyBytes(item.slice(at + 1), `TOKEN_ENCRYPTION_KEYS: key "${id}"`)])
  }
  if (opts.legacyKey) entries.push([LEGACY_KEY_ID, keyBytes(opts.legacyKey, 'TOKEN_ENCRYPTION_KEY')])
  if (entries.length === 0) throw new Error('TOKEN_ENCRYPTION_KEYS (or TOKEN_ENCRYPTION_KEY) must be set')
  const keys = new Map<string, Buffer>()
  for (const [id, key] of entries) {
    if (keys.has(id)) throw new Error(`TOKEN_ENCRYPTION_KEYS: key id "${id}" appears twice`)
    keys.set(id, key)
  }
  return { currentId: entries[0]![0], keys }
}
