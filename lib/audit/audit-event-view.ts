// An audit row as the page, the API and the export show it: JSON-safe (the bigint id as text).
import type { AuditEvent } from '@/lib/generated/prisma/client'

export type AuditEventView = {
  id: string
  at: string
  actorKind: AuditEvent['actorKind']
  actorId: string | null
  actorName: string
  ipAddress: string | null
  userAgent: string | null
  action: string
  orderReference: string | null
  subjectType: string | null
  subjectId: string | null
  before: unknown
  after: unknown
}

export function toAuditEventView(e: AuditEvent): AuditEventView {
  return {
    id: e.id.toString(),
    at: e.at.toISOString(),
    actorKind: e.actorKind,
    actorId: e.actorId,
    actorName: e.actorName,
    ipAddress: e.ipAddress,
    userAgent: e.userAgent,
    action: e.action,
    orderReference: e.orderReference,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before,
    after: e.after,
  }
}
