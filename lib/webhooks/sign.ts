// The three Standard Webhooks headers of one delivery, signed with the specification's own
// library: webhook-signature holds one `v1,<base64 HMAC-SHA256>` per secret, space separated
// (two during a rotation's overlap; a receiver accepts either).
import { Webhook } from 'standardwebhooks'

export type SignedHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string }

export function signDelivery(opts: { messageId: string; at: Date; body: string; secrets: string[] }): SignedHeaders {
  const signatures = opts.secrets.map((secret) => new Webhook(secret).sign(opts.messageId, opts.at, opts.body))
  return {
    'webhook-id': opts.messageId,
    'webhook-timestamp': String(Math.floor(opts.at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  }
}
