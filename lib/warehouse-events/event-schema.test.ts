import { expect, test } from 'vitest'
import { MAX_CLOCK_AHEAD_MS, WarehouseEventSchema } from './event-schema'

const event = (occurredAt: string) => ({
  id: 'evt-1',
  merchantId: '7f1d3c52-8a4e-4f0e-9a7b-2c1d5e6f7a8b',
  type: 'stock.level',
  occurredAt,
  data: { sku: 'S-1', quantity: 3 },
})

test('an event from a clock far ahead is refused naming occurredAt: as the latest count it would freeze the SKU for good', () => {
  const ahead = new Date(Date.now() + MAX_CLOCK_AHEAD_MS + 60_000).toISOString()
  const parsed = WarehouseEventSchema.safeParse(event(ahead))
  expect(parsed.success).toBe(false)
  expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['occurredAt', "occurredAt is in the future: check the warehouse system's clock"]])
  expect(WarehouseEventSchema.safeParse(event('9999-12-31T23:59:59Z')).success).toBe(false)
})

test('a clock a little ahead, and any past time, are fine', () => {
  expect(WarehouseEventSchema.safeParse(event(new Date(Date.now() + 60_000).toISOString())).success).toBe(true)
  expect(WarehouseEventSchema.safeParse(event('2001-01-01T00:00:00+02:00')).success).toBe(true)
})
