// A SKU's counts in a row: only the last one matters (the latest occurredAt wins), so the ones
// before it are settled as stale without being applied. A burst of 50 counts of one SKU then costs
// one product write and one Back Market update, not 50. An adjustment between two counts breaks
// the run: it applies on top of the count before it. Pure.
import type { ParsedStoredEvent } from './apply-event'
import { stale, type Outcome } from './outcome'

export function supersededLevels(events: readonly Pick<ParsedStoredEvent, 'id' | 'event'>[]): Map<string, Outcome> {
  const superseded = new Map<string, Outcome>()
  events.forEach(({ id, event }, i) => {
    const next = events[i + 1]?.event
    if (event.type === 'stock.level' && next?.type === 'stock.level') {
      superseded.set(id, stale('A later count of this SKU, reported with it, replaced this one.', { supersededBy: next.id }))
    }
  })
  return superseded
}
