// Merchants' Back Market tokens are stored encrypted (AES-256-GCM, random IV per value)
// so that a database dump alone does not give access to their Back Market accounts.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const VERSION = 'v1'

function key(raw: string): Buffer {
  const k = Buffer.from(raw, 'base64')
  if (k.length !== 32) throw new Error('TOKEN_ENCRYPTION_KEY must be 32 bytes, base64-encoded')
  return k
}

export function encryptToken(plain: string, rawKey: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(rawKey), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':')
}

export function decryptToken(sealed: string, rawKey: string): string {
  const [version, iv, tag, body] = sealed.split(':')
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unrecognised encrypted token format')
  const decipher = createDecipheriv('aes-256-gcm', key(rawKey), Buffer.from(iv, 'base64'))
  decipher.setAuthTag(Buffer.from(tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
}
