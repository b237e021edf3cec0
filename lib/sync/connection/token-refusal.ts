// Back Market refusing the saved token (a 401, or a 403 that is not its firewall) on an import or
// a sync call: the merchant row says so (bmTokenRefusedAt, bmTokenRefusal) for the banner and the
// settings page, the audit records it once per refusal, and the connection counts as degraded
// (connection.degraded). The next call Back Market accepts with that token, or a new token that
// passes the connection test, clears it. Both are compare-and-sets on the sealed token the call
// was made with, so a refusal of a token already replaced never marks its successor.
import 'server-only'
import { workerActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import type { BackMarketError } from '@/lib/backmarket/errors'
import { storableText } from '@/lib/backmarket/storable-text'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import { refreshConnectionDegraded } from '../connection-degraded'

/** What the merchant row keeps of the refusal: Back Market's answer, never the token. */
export type TokenRefusal = { status: number | null; kind: string; message: string; operation: string | null; requestId: string | null }

export function tokenRefusalOf(err: BackMarketError, operation: string | null): TokenRefusal {
  return { status: err.status ?? null, kind: err.kind, message: storableText(err.message.slice(0, 500)), operation, requestId: err.requestId ?? null }
}

/**
 * Marks the token refused, only on the transition (a refusal already marked is left as first
 * seen). `job` names the worker job in the audit. Returns whether this call marked it.
 */
export async function markTokenRefused(opts: { merchantId: string; sealedToken: string; err: BackMarketError; operation: string; job: string; now?: Date }): Promise<boolean> {
  const now = opts.now ?? new Date()
  const refusal = tokenRefusalOf(opts.err, opts.operation)
  return db.$transaction(async (tx) => {
    const { count } = await tx.merchant.updateMany({
      where: { id: opts.merchantId, bmTokenEncrypted: opts.sealedToken, bmTokenRefusedAt: null },
      data: { bmTokenRefusedAt: now, bmTokenRefusal: refusal as Prisma.InputJsonValue },
    })
    if (count === 0) return false
    await recordAudit(tx, { actor: workerActor(opts.job), merchantId: opts.merchantId, action: 'backmarket.token_refused', subject: { type: 'merchant', id: opts.merchantId }, after: refusal, at: now })
    await refreshConnectionDegraded(tx, { merchantId: opts.merchantId, now })
    return true
  })
}

/**
 * Back Market accepted a call made with this sealed token: a refusal marked for it is over.
 * Callers that know the row shows no refusal skip the call (the sync engine reads it anyway).
 */
export async function clearTokenRefusal(opts: { merchantId: string; sealedToken: string; now?: Date }): Promise<boolean> {
  const now = opts.now ?? new Date()
  return db.$transaction(async (tx) => {
    const { count } = await tx.merchant.updateMany({
      where: { id: opts.merchantId, bmTokenEncrypted: opts.sealedToken, bmTokenRefusedAt: { not: null } },
      data: { bmTokenRefusedAt: null, bmTokenRefusal: Prisma.DbNull },
    })
    if (count === 0) return false
    await refreshConnectionDegraded(tx, { merchantId: opts.merchantId, now })
    return true
  })
}
