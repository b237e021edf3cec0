// What GET /api/orders/[reference]/backmarket answers and the live panel renders: Back Market's
// order as fetched just now, already compared with ours. JSON-shaped (dates as ISO strings) so
// the client can type the response without a second schema.
import {
  compareWithBackMarket,
  type BackMarketOrderForComparison,
  type OrderComparison,
  type OurOrderForComparison,
} from '@/lib/orders/compare-with-backmarket'

export type BackMarketLiveView = {
  reference: string
  fetchedAt: string
  backMarket: { state: number; dateModification: string }
  comparison: OrderComparison
}

export function toBackMarketLiveView(opts: {
  reference: string
  fetchedAt: Date
  ours: OurOrderForComparison
  theirs: BackMarketOrderForComparison & { date_modification: string }
}): BackMarketLiveView {
  return {
    reference: opts.reference,
    fetchedAt: opts.fetchedAt.toISOString(),
    backMarket: { state: opts.theirs.state, dateModification: opts.theirs.date_modification },
    comparison: compareWithBackMarket(opts.ours, opts.theirs),
  }
}
