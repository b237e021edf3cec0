// Whether an absolute stock level still counts when a warehouse's events arrive late or out of
// order. Product.levelAt is the occurredAt of the level last applied: a level counted earlier says
// less than it does. (An adjustment dated before levelAt is already in that count: the stock
// movement's own conditional UPDATE decides that, in lib/warehouse/record-stock-movement.ts.)

export type StockEventVerdict = 'apply' | 'stale'

/**
 * An absolute level applies unless a level counted later was applied already. Two levels at the
 * same instant: the one applied last wins (the processor applies one SKU's events in occurredAt
 * order, then in the order they were received).
 */
export function levelVerdict(opts: { levelAt: Date | null; occurredAt: Date }): StockEventVerdict {
  return opts.levelAt !== null && opts.occurredAt < opts.levelAt ? 'stale' : 'apply'
}
