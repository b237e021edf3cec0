// "Disconnect": the token is forgotten (bmTokenEncrypted null = not connected). Nothing is
// imported or sent from then on: sync tasks wait (hold-task.ts) rather than fail, and resume when
// a token is saved; every order, issue and setting is kept. Audited.
import 'server-only'
import type { AuditActor } from '@/lib/audit/actor'
import { recordAudit } from '@/lib/audit/record-audit'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { refreshConnectionDegraded } from '../connection-degraded'

export async function disconnectBackMarket(opts: { merchantId: string; actor: AuditActor; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date()
  await db.$transaction(async (tx) => {
    const before = await tx.merchant.findUniqueOrThrow({ where: { id: opts.merchantId }, select: { bmTokenEncrypted: true, bmTokenHint: true, bmMarkets: true, bmConnectedAt: true } })
    // A compare-and-set: of two disconnects at once, one does it and is audited.
    const { count } = await tx.merchant.updateMany({
      where: { id: opts.merchantId, bmTokenEncrypted: { not: null } },
      data: { bmTokenEncrypted: null, bmTokenHint: null, bmConnectedAt: null, bmTokenRefusedAt: null, bmTokenRefusal: Prisma.DbNull },
    })
    if (count === 0) throw new AppError('conflict', { userMessage: 'Back Market is not connected.', details: { reason: 'backmarket_disconnected' } })
    await recordAudit(tx, {
      actor: opts.actor,
      merchantId: opts.merchantId,
      action: 'backmarket.disconnected',
      subject: { type: 'merchant', id: opts.merchantId },
      before: { connected: true, ending: before.bmTokenHint, markets: before.bmMarkets, connectedAt: before.bmConnectedAt },
      after: { connected: false },
      at: now,
    })
    // A refusal cleared with the token no longer degrades the connection.
    await refreshConnectionDegraded(tx, { merchantId: opts.merchantId, now })
  })
}
