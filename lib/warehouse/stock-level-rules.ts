// Which stock event still counts, when a warehouse reports both absolute levels and adjustments and
// its events arrive late or out of order. Product.levelAt is the occurredAt of the level last
// applied: that level is a count of the shelf at that moment, so it already includes every
// adjustment that happened before it, and a level counted earlier says less than it does.

export type StockEventVerdict = 'apply' | 'stale'

/**
 * An absolute level applies unless a level counted later was applied already. Two levels at the
 * same instant: the one applied last wins (the processor applies one SKU's events in occurredAt
 * order, then in the order they were received).
 */
export function levelVerdict(opts: { levelAt: Date | null; occurredAt: Date }): StockEventVerdict {
  return opts.levelAt !== null && opts.occurredAt < opts.levelAt ? 'stale' : 'apply'
}

/**
 * An adjustment that happened at or before the last level is already in that count: applying it
 * again would count it twice. One with no time (the dashboard's own movements) happens now.
 */
export function adjustmentVerdict(opts: { levelAt: Date | null; occurredAt?: Date | null }): StockEventVerdict {
  if (opts.levelAt === null || !opts.occurredAt) return 'apply'
  return opts.occurredAt <= opts.levelAt ? 'stale' : 'apply'
}
