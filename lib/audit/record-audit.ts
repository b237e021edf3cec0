// Appends one row to the audit, inside the caller's transaction, so a change and its record
// commit or roll back together. The one way to write the audit.
import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { AuditAction } from './actions'
import type { AuditActor } from './actor'
import { redactSecrets } from './redact'

type Tx = Prisma.TransactionClient | typeof db

export type AuditEntry = {
  actor: AuditActor
  /** Null only for changes outside any merchant. */
  merchantId: string | null
  action: AuditAction
  orderReference?: string | null
  subject?: { type: string; id: string } | null
  /** The state before and after, as plain JSON; secrets are removed here whatever the caller sends. */
  before?: unknown
  after?: unknown
  at?: Date
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const { actor } = entry
  await tx.auditEvent.create({
    data: {
      at: entry.at,
      merchantId: entry.merchantId,
      actorKind: actor.kind,
      actorId: actor.id?.slice(0, 100) ?? null,
      actorName: actor.name.slice(0, 300),
      ipAddress: actor.ipAddress?.slice(0, 64) ?? null,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
      action: entry.action,
      orderReference: entry.orderReference ?? null,
      subjectType: entry.subject?.type ?? null,
      subjectId: entry.subject?.id ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  })
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (redactSecrets(value) as Prisma.InputJsonValue)
}
