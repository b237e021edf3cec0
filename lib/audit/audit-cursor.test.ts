import { expect, test } from 'vitest'
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor'

test('a cursor round-trips, and a forged one is a 400 naming cursor', () => {
  const c = { at: new Date('2026-12-06T09:42:17.123Z'), id: 123456789012n }
  expect(decodeAuditCursor(encodeAuditCursor(c))).toEqual(c)
  for (const raw of ['', 'x', Buffer.from('1.2.3').toString('base64url'), Buffer.from(`1.${2n ** 63n}`).toString('base64url'), 'A'.repeat(61)]) {
    expect(() => decodeAuditCursor(raw), raw).toThrow(expect.objectContaining({ code: 'bad_request', fields: { cursor: ['Not a cursor'] } }))
  }
})
