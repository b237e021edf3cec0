import { expect, test } from 'vitest'
import { WarehouseEventSchema, type WarehouseEventInput } from './event-schema'
import { payloadHash } from './payload-hash'

const hashOf = (input: unknown) => payloadHash(WarehouseEventSchema.parse(input))
const shipped = {
  id: 'evt-1',
  merchantId: '7f1d3c52-8a4e-4f0e-9a7b-2c1d5e6f7a8b',
  type: 'order.shipped',
  occurredAt: '2026-12-06T10:00:00+01:00',
  data: { reference: '123', carrier: 'Colissimo', trackingNumber: '6A123' },
} satisfies WarehouseEventInput

test('key order, unknown fields and the spelling of the instant do not change the hash', () => {
  const reordered = { data: { trackingNumber: '6A123', carrier: 'Colissimo', reference: '123', note: 'x' }, occurredAt: '2026-12-06T09:00:00.000Z', type: 'order.shipped', merchantId: shipped.merchantId, id: 'evt-1' }
  expect(hashOf(reordered)).toBe(hashOf(shipped))
})

test('a changed value, time or type changes the hash', () => {
  const base = hashOf(shipped)
  expect(hashOf({ ...shipped, data: { ...shipped.data, trackingNumber: '6A124' } })).not.toBe(base)
  expect(hashOf({ ...shipped, occurredAt: '2026-12-06T09:00:00.001Z' })).not.toBe(base)
  expect(hashOf({ ...shipped, type: 'order.delivered', data: { reference: '123' } })).not.toBe(hashOf({ ...shipped, type: 'order.packed', data: { reference: '123' } }))
})
