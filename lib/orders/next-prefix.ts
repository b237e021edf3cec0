// Prefix search over the (merchantId, reference) B-tree: `reference LIKE 'q%'` cannot use that
// index under a non-C collation, but the equivalent range `reference >= q AND reference < next`
// can. References are digit strings, so the upper bound is built from digits only: '9' → ':' would
// be a punctuation character whose order against digits depends on the collation.
import { isOrderReference } from '@/lib/orders/order-reference'

/**
 * The smallest digit string greater than every digit string starting with `prefix`:
 * "123" → "124", "129" → "13", "1999" → "2". null when none exists ("999"): no upper bound.
 */
export function nextPrefix(prefix: string): string | null {
  if (!isOrderReference(prefix)) throw new Error(`nextPrefix expects a non-empty digit string, got ${JSON.stringify(prefix)}`)
  const trimmed = prefix.replace(/9+$/, '')
  if (trimmed === '') return null
  const last = trimmed.charCodeAt(trimmed.length - 1)
  return trimmed.slice(0, -1) + String.fromCharCode(last + 1)
}
