// Our SKU against Back Market's, line by line: what we send (our SKU, or its mapping), what Back
// Market called the line when we imported it, and what it calls it now. Back Market matches the
// `sku` of an order update exactly against the line's `listing`, so any difference is a 404 to
// come. The fix we suggest is the listing Back Market has on the same orderline id. Pure.
import { sameCatalogueSku } from '@/lib/backmarket/catalogue-sku'

export type OurLineForSkus = { bmOrderlineId: string; sku: string; listing: string; productTitle: string }
export type LiveLineForSkus = { id: string; listing: string; state: number }

export type SkuLineComparison = {
  orderlineId: string
  productTitle: string
  ourSku: string
  /** Our SKU's mapping, when the merchant made one. */
  mappedTo: string | null
  /** What the next accept sends: the mapping, else our SKU. */
  sentSku: string
  /** Back Market's SKU for the line when we last imported the order. */
  listingOnOrder: string
  /** Back Market's SKU for the line now; null when it was not read, or the line is gone. */
  liveListing: string | null
  liveState: number | null
  /** Read live, and Back Market's order has no line with this id. */
  missingOnBackMarket: boolean
  /** What we send would not match Back Market's line. */
  differs: boolean
  /** Back Market renamed the line since we imported it. */
  renamedOnBackMarket: boolean
  /** The mapping to make so that what we send matches; null when none can fix it. */
  suggestedBmSku: string | null
  /** Our SKU already matches and a mapping makes it differ: remove the mapping instead. */
  mappingBreaksIt: boolean
}

export function compareOrderSkus(opts: {
  ours: readonly OurLineForSkus[]
  /** Back Market's lines read live, or null when the read failed. */
  live: readonly LiveLineForSkus[] | null
  mappings: ReadonlyMap<string, string>
}): SkuLineComparison[] {
  const liveById = new Map((opts.live ?? []).map((l) => [l.id, l]))
  return opts.ours.map((line) => {
    const mappedTo = opts.mappings.get(line.sku) ?? null
    const sentSku = mappedTo ?? line.sku
    const live = liveById.get(line.bmOrderlineId) ?? null
    const missingOnBackMarket = opts.live !== null && live === null
    // Live beats what we recorded; without a live read, our record is the best we know.
    const truth = opts.live === null ? line.listing : (live?.listing ?? null)
    const differs = truth === null || sentSku !== truth
    const mappingBreaksIt = differs && mappedTo !== null && truth === line.sku
    return {
      orderlineId: line.bmOrderlineId,
      productTitle: line.productTitle,
      ourSku: line.sku,
      mappedTo,
      sentSku,
      listingOnOrder: line.listing,
      liveListing: live?.listing ?? null,
      liveState: live?.state ?? null,
      missingOnBackMarket,
      differs,
      renamedOnBackMarket: live !== null && live.listing !== line.listing,
      suggestedBmSku: differs && truth !== null && !mappingBreaksIt ? truth : null,
      mappingBreaksIt,
    }
  })
}

/** The first mapping that would fix a differing line. */
export function firstSuggestion(lines: readonly SkuLineComparison[]): { ourSku: string; bmSku: string } | null {
  const line = lines.find((l) => l.suggestedBmSku !== null)
  return line?.suggestedBmSku ? { ourSku: line.ourSku, bmSku: line.suggestedBmSku } : null
}

/**
 * For a stock update Back Market answered "no listing with this SKU": the SKU Back Market sells
 * our product under, when our orders say so unambiguously: the lines carrying our SKU name exactly
 * one other listing. A listing differing only by letter case is not a candidate: the catalogue
 * ignores case, so it cannot be why the lookup failed. The caller still checks it live.
 */
export function stockSuggestionCandidate(ourSku: string, listingsOnOurLines: readonly string[]): string | null {
  const others = [...new Set(listingsOnOurLines)].filter((l) => !sameCatalogueSku(l, ourSku))
  return others.length === 1 ? others[0]! : null
}
