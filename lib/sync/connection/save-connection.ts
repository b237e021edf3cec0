// "Save and connect" (and rotation): the new token is tested first, and only a token that passes
// every check replaces the saved one — a typo never disconnects a working merchant. Saving clears
// a refusal, starts the import, resumes the tasks the connection held and re-sends the refused ones. Audited (the token's
// last four characters and the markets, never the token).
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import type { ConnectionTestResult } from '@/lib/backmarket/check-connection'
import { encryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import { log } from '@/lib/log'
import { refreshConnectionDegraded } from '../connection-degraded'
import { tokenHint } from './connection-input'
import { importNow, requestResume } from './resume-held-tasks'
import { testConnection } from './test-connection'

export type SaveConnectionResult = { saved: boolean; test: ConnectionTestResult }

export async function saveConnection(opts: { merchantId: string; token: string; markets: readonly string[]; actor: AuditActor; now?: Date }): Promise<SaveConnectionResult> {
  const { merchantId, token, markets } = opts
  const test = await testConnection({ merchantId, token, markets })
  if (!test.ok) return { saved: false, test }
  const now = opts.now ?? new Date()
  await db.$transaction(async (tx) => {
    const before = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { bmTokenEncrypted: true, bmTokenHint: true, bmMarkets: true } })
    await tx.merchant.update({
      where: { id: merchantId },
      data: {
        bmTokenEncrypted: encryptToken(token, { merchantId }),
        bmTokenHint: tokenHint(token),
        bmConnectedAt: now,
        bmTokenRefusedAt: null,
        bmTokenRefusal: Prisma.DbNull,
        bmMarkets: [...markets],
        bmMarket: markets[0],
      },
    })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId,
      action: 'backmarket.token_saved',
      subject: { type: 'merchant', id: merchantId },
      before: { connected: before.bmTokenEncrypted !== null, ending: before.bmTokenHint, markets: before.bmMarkets },
      after: { connected: true, ending: tokenHint(token), markets },
      at: now,
    })
    await refreshConnectionDegraded(tx, { merchantId, now })
  })
  // After the commit: the workers must see the new token. The held tasks resume and the work Back
  // Market refused is sent again, in a job (audited as this admin's re-syncs); the import is also
  // the minute tick's, so a failure here delays it, and is logged.
  try {
    await requestResume({ merchantId, actor: opts.actor })
    await importNow(merchantId)
  } catch (err) {
    log.warn({ err, merchantId }, 'connected; the import and held tasks start at the next tick')
  }
  return { saved: true, test }
}
