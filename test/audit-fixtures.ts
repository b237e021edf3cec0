// Audit helpers for tests: an actor as a signed-in request would build it, and the audit rows an
// operation wrote, to assert who, what, before and after.
import { randomUUID } from 'node:crypto'
import type { AuditAction } from '@/lib/audit/actions'
import type { AuditActor } from '@/lib/audit/actor'
import { db } from '@/lib/db'

/** A person's actor (USER unless `kind`), as lib/auth builds it from the session. */
export function testActor(user?: { id: string; name?: string; email?: string }, kind: 'USER' | 'STAFF' = 'USER'): AuditActor {
  const id = user?.id ?? randomUUID()
  return { kind, id, name: `${user?.name ?? 'Test User'} <${user?.email ?? 'test@test.example'}>`, ipAddress: '203.0.113.7', userAgent: 'vitest' }
}

/** The merchant's audit rows of one action (all when omitted), oldest first. */
export function auditRows(merchantId: string | null, action?: AuditAction) {
  return db.auditEvent.findMany({ where: { merchantId, ...(action ? { action } : {}) }, orderBy: { id: 'asc' } })
}
