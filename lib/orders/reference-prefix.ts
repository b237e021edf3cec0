// A search by the start of an order reference, as an index range (see next-prefix.ts).
import { escapeLikePattern } from '@/lib/db/like-pattern'
import type { Prisma } from '@/lib/generated/prisma/client'
import { nextPrefix } from '@/lib/orders/next-prefix'

/** The orders whose reference starts with `prefix` (digits, validated by the query schemas). */
export function referencePrefixWhere(prefix: string): Prisma.StringFilter<'Order'> {
  const upper = nextPrefix(prefix)
  // The range lets PostgreSQL walk the (merchantId, reference) index; startsWith keeps the
  // result right whatever the collation does with the bounds.
  return { gte: prefix, ...(upper ? { lt: upper } : {}), startsWith: escapeLikePattern(prefix) }
}
