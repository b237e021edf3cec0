// "Newest first" as a keyset: an order's place in the list is its placedAt (descending, orders
// without one first, as the (merchantId, placedAt desc) index keeps them) then its reference,
// which no two of a merchant's orders share, so every order has exactly one place and a page
// that starts after a given place neither repeats nor skips a row.
import type { Prisma } from '@/lib/generated/prisma/client'

export type OrderPosition = { placedAt: Date | null; reference: string }

export const NEWEST_FIRST = [
  { placedAt: { sort: 'desc', nulls: 'first' } },
  { reference: 'asc' },
] satisfies Prisma.OrderOrderByWithRelationInput[]

/** The orders that come after `position` in NEWEST_FIRST (every order when there is none). */
export function afterPosition(position: OrderPosition | undefined): Prisma.OrderWhereInput {
  if (!position) return {}
  const { placedAt, reference } = position
  if (placedAt === null) return { OR: [{ placedAt: null, reference: { gt: reference } }, { placedAt: { not: null } }] }
  // `lte` is implied by the OR, but PostgreSQL does not derive it: stated, it starts the index
  // scan at the position instead of filtering every newer order on the way there.
  return { placedAt: { lte: placedAt }, OR: [{ placedAt: { lt: placedAt } }, { reference: { gt: reference } }] }
}

