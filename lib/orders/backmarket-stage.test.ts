import { expect, test } from 'vitest'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import { backMarketStage, type BackMarketStage } from './backmarket-stage'

// A Record over the enum: a new status without a stage here fails to compile.
const STAGES: Record<OrderStatus, BackMarketStage> = {
  CREATED: 'to_accept',
  VALIDATED: 'waiting_for_fulfillment',
  PICKING: 'waiting_for_fulfillment',
  PACKED: 'waiting_for_fulfillment',
  IN_TRANSIT: 'fulfilled',
  DELIVERED: 'fulfilled',
  CANCELLED: 'cancelled',
}

test.each(Object.entries(STAGES))('%s is shown as %s', (status, stage) => {
  expect(backMarketStage(status as OrderStatus)).toBe(stage)
})
