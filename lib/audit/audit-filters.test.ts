import { expect, test } from 'vitest'
import { AUDIT_ACTIONS } from './actions'
import { auditFilterErrors, AuditFilterSchema, auditWhere } from './audit-filters'

const M = '00000000-0000-4000-8000-000000000000'

test('days are bounded by their first instant in the reader’s zone, a day without a midnight included', () => {
  const where = (from: string, to: string, zone: string) => auditWhere(M, AuditFilterSchema.parse({ from, to }), zone).at
  expect(where('2026-12-03', '2026-12-03', 'Europe/Paris')).toEqual({ gte: new Date('2026-12-02T23:00:00Z'), lt: new Date('2026-12-03T23:00:00Z') })
  // Santiago's clock jumps from 00:00 to 01:00 on 6 September 2026: that day starts at 01:00 -03:00.
  expect(where('2026-09-06', '2026-09-06', 'America/Santiago')?.gte).toEqual(new Date('2026-09-06T04:00:00Z'))
  expect(where('2026-09-05', '2026-09-05', 'America/Santiago')?.lt).toEqual(new Date('2026-09-06T04:00:00Z'))
})

test('a group of actions is the list of its actions, which the action index serves (not a LIKE prefix)', () => {
  const where = auditWhere(M, AuditFilterSchema.parse({ action: 'webhook.*' }), 'UTC')
  expect(where.action).toEqual({ in: AUDIT_ACTIONS.filter((a) => a.startsWith('webhook.')) })
  expect((where.action as { in: string[] }).in).toContain('webhook.secret_rotated')
  // "user" is not a prefix of user_… groups only: no sync_issue row under "sync.*"-like overlaps.
  expect(auditWhere(M, AuditFilterSchema.parse({ action: 'user.*' }), 'UTC').action).toEqual({ in: AUDIT_ACTIONS.filter((a) => a.split('.')[0] === 'user') })
})

test('control characters in a filter are refused before the database, each problem under its field', () => {
  const parsed = AuditFilterSchema.safeParse({ reference: '10\u000001', who: 'id:a\u0000b', action: 'order.nope' })
  expect(parsed.success).toBe(false)
  expect(auditFilterErrors(parsed.error!)).toEqual({ reference: 'referenceControl', who: 'who', action: 'action' })
  expect(auditFilterErrors(AuditFilterSchema.safeParse({ from: '2026-12-05', to: '2026-12-01' }).error!)).toEqual({ to: 'endBeforeStart' })
  expect(auditFilterErrors(AuditFilterSchema.safeParse({ reference: 'x'.repeat(33), from: '2026-02-31' }).error!)).toEqual({ reference: 'referenceLong', from: 'day' })
})
