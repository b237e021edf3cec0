// Merchants' Back Market tokens are stored encrypted (AES-256-GCM, random IV per value) so that
// a database dump alone does not give access to their Back Market accounts.
//   v2:<key id>:<iv>:<tag>:<ciphertext>   (base64 parts)
// The key id says which key sealed it, so keys can be rotated (lib/env/token-keys.ts). The merchant id
// is associated data: a ciphertext copied onto another merchant's row does not decrypt there.
// v1 (`v1:<iv>:<tag>:<ciphertext>`, no key id, no associated data) is still read until
// `npm run tokens:rotate` has rewritten every row (docs/decisions/0007-token-keys.md).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { env } from '@/lib/env'
import { parseTokenKeys, type TokenKeyring } from '@/lib/env/token-keys'

let configured: TokenKeyring | undefined

/** The keys from the environment, parsed once. */
export function tokenKeyring(): TokenKeyring {
  const e = env()
  configured ??= parseTokenKeys({ keys: e.TOKEN_ENCRYPTION_KEYS, legacyKey: e.TOKEN_ENCRYPTION_KEY })
  return configured
}

type Opts = { merchantId: string; keyring?: TokenKeyring }

const aad = (keyId: string, merchantId: string) => Buffer.from(`bm-token:v2:${keyId}:${merchantId}`, 'utf8')

export function encryptToken(plain: string, { merchantId, keyring = tokenKeyring() }: Opts): string {
  const keyId = keyring.currentId
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyring.keys.get(keyId)!, iv)
  cipher.setAAD(aad(keyId, merchantId))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v2', keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':')
}

export function decryptToken(sealed: string, { merchantId, keyring = tokenKeyring() }: Opts): string {
  const parts = sealed.split(':')
  if (parts[0] === 'v1' && parts.length === 4) return decryptLegacy(parts, keyring)
  if (parts[0] !== 'v2' || parts.length !== 5) throw new Error('Unrecognised encrypted token format')
  const [, keyId, iv, tag, body] = parts as [string, string, string, string, string]
  const key = keyring.keys.get(keyId)
  if (!key) throw new Error(`Token sealed with key "${keyId}", which is not configured (TOKEN_ENCRYPTION_KEYS has: ${[...keyring.keys.keys()].join(', ')})`)
  return open(key, iv, tag, body, aad(keyId, merchantId))
}

/** Whether the value should be re-encrypted: an old format, or a key other than the newest. */
export function needsRotation(sealed: string, keyring: TokenKeyring = tokenKeyring()): boolean {
  const [version, keyId] = sealed.split(':')
  return version !== 'v2' || keyId !== keyring.currentId
}

/** v1 names no key: each configured key is tried (GCM's tag tells the right one). */
function decryptLegacy([, iv, tag, body]: string[], keyring: TokenKeyring): string {
  for (const key of keyring.keys.values()) {
    try {
      return open(key, iv!, tag!, body!)
    } catch {
      // not this key: try the next
    }
  }
  throw new Error('Token in the v1 format does not decrypt with any configured key')
}

function open(key: Buffer, iv: string, tag: string, body: string, associated?: Buffer): string {
  // A fixed tag length: a truncated tag would otherwise be accepted with fewer bits of proof.
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: 16 })
  if (associated) decipher.setAAD(associated)
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
}
