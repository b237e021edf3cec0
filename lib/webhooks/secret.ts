// Signing secrets: `whsec_` + base64 of 32 random bytes (the Standard Webhooks form, which its
// libraries take as is). Stored sealed with the merchant bound in (lib/crypto/token-cipher), shown
// once. After a rotation the previous secret keeps signing beside the new one for a day, so a
// receiver can switch secrets without dropping a delivery.
import { randomBytes } from 'node:crypto'
import { decryptToken, encryptToken } from '@/lib/crypto/token-cipher'

export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

export function sealSecret(secret: string, merchantId: string): string {
  return encryptToken(secret, { merchantId })
}

type SealedSecrets = {
  merchantId: string
  secretEncrypted: string
  previousSecretEncrypted: string | null
  previousSecretExpiresAt: Date | null
}

/** The secrets that sign a delivery made at `now`: the current one, and the previous one during the overlap. */
export function signingSecrets(endpoint: SealedSecrets, now: Date): string[] {
  const secrets = [decryptToken(endpoint.secretEncrypted, { merchantId: endpoint.merchantId })]
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(decryptToken(endpoint.previousSecretEncrypted, { merchantId: endpoint.merchantId }))
  }
  return secrets
}
