// Our order reference is Back Market's order_id written as text: digits only, at most the
// column's 32 characters. Anything else cannot name an order.
import { z } from 'zod'

export const ORDER_REFERENCE_PATTERN = /^\d{1,32}$/

export const OrderReferenceSchema = z
  .string()
  .trim()
  .regex(ORDER_REFERENCE_PATTERN, { error: 'Use the Back Market order number (digits only)' })

export function isOrderReference(value: string): boolean {
  return ORDER_REFERENCE_PATTERN.test(value)
}
