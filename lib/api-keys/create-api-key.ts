// Creates an API key and returns its secret, the one time it exists in clear: only its SHA-256
// is stored. A merchant key reads and writes that merchant's data; a warehouse key (no merchant)
// posts warehouse events for every merchant.
import 'server-only'
import * as z from 'zod/mini'
import { actorUserId, type AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { displayPrefix, generateApiKey, hashApiKey } from '@/lib/api-keys/key-format'
import { apiKeyNameSchema, createMerchantApiKeySchema, MAX_LIVE_KEYS } from '@/lib/api-keys/api-key-schema'
import { WAREHOUSE_SCOPES } from '@/lib/api-keys/scopes'
import { AppError, fromZodError } from '@/lib/errors'
import { log } from '@/lib/log'

export type CreatedApiKey = { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; secret: string }

/** `actor` is who creates it (the audit names them; a person is also kept as createdById). */
type Options =
  | { kind: 'MERCHANT'; merchantId: string; actor: AuditActor; name: string; scopes: string[] }
  | { kind: 'WAREHOUSE'; actor: AuditActor; name: string }

export async function createApiKey(opts: Options): Promise<CreatedApiKey> {
  const input =
    opts.kind === 'MERCHANT'
      ? createMerchantApiKeySchema.safeParse({ name: opts.name, scopes: opts.scopes })
      : z.pipe(
          apiKeyNameSchema,
          z.transform((name: string) => ({ name, scopes: [...WAREHOUSE_SCOPES] as string[] })),
        ).safeParse(opts.name)
  if (!input.success) throw fromZodError(input.error, 'body')
  const secret = generateApiKey(opts.kind)
  const row = await db.$transaction(async (tx) => {
    if (opts.kind === 'MERCHANT') {
      // The merchant's row lock makes count-then-insert one step: two creations at once cannot
      // both see 49 live keys and make 51.
      await tx.$queryRaw`SELECT id FROM "Merchant" WHERE id = ${opts.merchantId}::uuid FOR UPDATE`
      const live = await tx.apiKey.count({ where: { merchantId: opts.merchantId, kind: 'MERCHANT', revokedAt: null } })
      if (live >= MAX_LIVE_KEYS) {
        const message = `A merchant can have at most ${MAX_LIVE_KEYS} live keys: revoke one you no longer use first`
        throw new AppError('conflict', { userMessage: message, fields: { name: [message] } })
      }
    }
    const created = await tx.apiKey.create({
      data: {
        kind: opts.kind,
        merchantId: opts.kind === 'MERCHANT' ? opts.merchantId : null,
        name: input.data.name,
        prefix: displayPrefix(secret),
        secretHash: hashApiKey(secret),
        scopes: input.data.scopes,
        createdById: actorUserId(opts.actor),
      },
    })
    // The prefix identifies the key in the audit; the secret never goes there.
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: created.merchantId,
      action: 'api_key.created',
      subject: { type: 'api_key', id: created.id },
      after: { kind: created.kind, name: created.name, prefix: created.prefix, scopes: created.scopes },
    })
    return created
  })
  // Who made which key, for the audit trail; the prefix identifies it, the secret never leaves this answer.
  log.info({ keyId: row.id, kind: row.kind, merchantId: row.merchantId, createdById: row.createdById, prefix: row.prefix, scopes: row.scopes }, 'api key created')
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, createdAt: row.createdAt, secret }
}
