import { expect, test } from 'vitest'
import type { WarehouseEvent } from './event-schema'
import { supersededLevels } from './coalesce'

const merchantId = '7f1d3c52-8a4e-4f0e-9a7b-2c1d5e6f7a8b'
const level = (id: string, quantity: number) => ({ id, event: { id, merchantId, occurredAt: '2026-12-06T09:00:00Z', type: 'stock.level', data: { sku: 'S', quantity } } as WarehouseEvent })
const adjusted = (id: string) => ({ id, event: { id, merchantId, occurredAt: '2026-12-06T09:00:00Z', type: 'stock.adjusted', data: { sku: 'S', delta: 1, reason: 'in' } } as WarehouseEvent })

test('in a run of counts only the last is applied; an adjustment breaks the run', () => {
  const superseded = supersededLevels([level('a', 1), level('b', 2), adjusted('c'), level('d', 3), level('e', 4)])
  expect([...superseded.keys()]).toEqual(['a', 'd'])
  expect(superseded.get('a')).toMatchObject({ state: 'APPLIED', code: 'stale', params: { supersededBy: 'b' } })
})

test('a lone count and adjustments are applied', () => {
  expect(supersededLevels([adjusted('a'), level('b', 1), adjusted('c')]).size).toBe(0)
})
