// Helpers for the Back Market connection tests: an admin's audit actor and the audit rows written.
import { randomUUID } from 'node:crypto'
import type { AuditAction } from '@/lib/audit/actions'
import type { AuditActor } from '@/lib/audit/actor'
import { db } from '@/lib/db'

export function adminActor(): AuditActor {
  return { kind: 'USER', id: randomUUID(), name: 'Anna Admin <anna@test.example>', ipAddress: '203.0.113.9', userAgent: 'vitest' }
}

/** The merchant's audit rows of one action, oldest first. */
export function auditOf(merchantId: string, action: AuditAction) {
  return db.auditEvent.findMany({ where: { merchantId, action }, orderBy: { id: 'asc' } })
}
