// A search by the start of an order reference, as an index range over (merchantId, reference):
// `reference LIKE 'q%'` cannot use that B-tree under a non-C collation, but the range
// `reference BETWEEN q AND q999…9` can. References are digit strings of at most 32 characters
// (ORDER_REFERENCE_PATTERN, the column's width), so the digit strings starting with q are exactly
// those in that range: a string past q999…9 differs from q at a digit where it is higher. The
// bounds are digits only: a character past '9' (':') orders against digits differently from one
// collation to another. The LIKE stays beside the range so the result is right whatever a
// collation does with the bounds.
import { escapeLikePattern } from '@/lib/db/like-pattern'
import type { Prisma } from '@/lib/generated/prisma/client'
import { isOrderReference } from '@/lib/orders/order-reference'

/** The column's width, and the longest reference ORDER_REFERENCE_PATTERN accepts. */
const REFERENCE_MAX_LENGTH = 32

export type ReferencePrefixRange = {
  /** The smallest reference starting with the prefix: the prefix itself. */
  first: string
  /** The largest one: the prefix followed by nines up to 32 digits. */
  last: string
  /** The same set as a LIKE pattern. */
  pattern: string
}

/** The references starting with `prefix` (digits, validated by the query schemas). */
export function referencePrefixRange(prefix: string): ReferencePrefixRange {
  if (!isOrderReference(prefix)) throw new Error(`a reference prefix is 1 to 32 digits, got ${JSON.stringify(prefix)}`)
  return { first: prefix, last: prefix.padEnd(REFERENCE_MAX_LENGTH, '9'), pattern: `${escapeLikePattern(prefix)}%` }
}

/** The orders whose reference starts with `prefix`, as a Prisma filter. */
export function referencePrefixWhere(prefix: string): Prisma.StringFilter<'Order'> {
  const { first, last } = referencePrefixRange(prefix)
  return { gte: first, lte: last, startsWith: escapeLikePattern(prefix) }
}
