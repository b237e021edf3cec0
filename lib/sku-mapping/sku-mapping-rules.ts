// The guard before a merchant maps one of our SKUs to Back Market's: what the mapping will fix,
// what it will break, and what it collides with. A mapping changes the SKU sent for every later
// accept of every order carrying our SKU and for every stock update of our product, so a SKU
// "renamed" for one order can silently break the others (docs/backmarket.md §2.1: a SKU changed between an
// order's creation and its processing breaks the update). Pure: the facts are gathered elsewhere.
import { sameCatalogueSku } from '@/lib/backmarket/catalogue-sku'

export type ImpactFacts = {
  ourSku: string
  bmSku: string
  /** Lines carrying our SKU on open orders (not shipped, not cancelled), with Back Market's listing as last seen. */
  openLinesWithOurSku: ReadonlyArray<{ reference: string; listing: string }>
  /** References of open orders with a line whose Back Market listing is bmSku, whatever our SKU. */
  openOrdersUsingBmSku: readonly string[]
  product: { exists: boolean; bmListingId: string | null }
  /** Our other products, without a mapping of their own, that Back Market's catalogue reads as bmSku. */
  productsNamedBmSku: readonly string[]
  currentMapping: { bmSku: string } | null
  /** Our other SKUs already mapped to bmSku (compared as Back Market's catalogue does, ignoring case). */
  otherSkusMappedToBmSku: readonly string[]
  /** Whether any order line (open or not) ever carried our SKU. */
  ourSkuOnAnyOrder: boolean
}

export type ImpactWarningCode =
  | 'replaces_mapping'
  | 'bm_sku_already_mapped'
  | 'bm_sku_is_our_product'
  | 'open_orders_would_break'
  | 'our_sku_unknown'
  | 'open_orders_still_differ'
  | 'same_mapping'
  | 'case_only'
  | 'cached_listing'

/** A warning must be confirmed before saving; a note only informs. */
export type ImpactWarning = { code: ImpactWarningCode; severity: 'warning' | 'note'; params: Record<string, string | number> }

export type SkuMappingImpact = {
  ourSku: string
  bmSku: string
  warnings: ImpactWarning[]
  needsConfirmation: boolean
  counts: {
    /** Open orders with a line carrying our SKU. */
    openOrdersWithOurSku: number
    /** …whose Back Market listing is bmSku: the mapping fixes them. */
    fixed: number
    /** …whose Back Market listing is what we send today: the mapping breaks them. */
    wouldBreak: number
    /** …whose Back Market listing is neither: they differ before and after. */
    stillDiffer: number
    /** Open orders with a line whose Back Market listing is bmSku. */
    openOrdersUsingBmSku: number
  }
  currentMapping: { bmSku: string } | null
  product: { exists: boolean; bmListingId: string | null }
}

/** At most this many references are named in a warning; the count says the rest. */
export const MAX_NAMED_REFERENCES = 5

const named = (refs: readonly string[]) => [...new Set(refs)].slice(0, MAX_NAMED_REFERENCES).join(', ')
const distinct = (refs: readonly string[]) => new Set(refs).size


export function evaluateSkuMappingImpact(f: ImpactFacts): SkuMappingImpact {
  // Order lines are matched exactly (the order update compares `sku` with the line's `listing`).
  const sentToday = f.currentMapping?.bmSku ?? f.ourSku
  const fixed: string[] = []
  const wouldBreak: string[] = []
  const stillDiffer: string[] = []
  for (const line of f.openLinesWithOurSku) {
    if (line.listing === f.bmSku) fixed.push(line.reference)
    else if (line.listing === sentToday) wouldBreak.push(line.reference)
    else stillDiffer.push(line.reference)
  }

  const warnings: ImpactWarning[] = []
  const warn = (code: ImpactWarningCode, params: ImpactWarning['params'] = {}) => warnings.push({ code, severity: 'warning', params })
  const note = (code: ImpactWarningCode, params: ImpactWarning['params'] = {}) => warnings.push({ code, severity: 'note', params })

  if (f.currentMapping && f.currentMapping.bmSku !== f.bmSku) warn('replaces_mapping', { current: f.currentMapping.bmSku })
  if (f.otherSkusMappedToBmSku.length) warn('bm_sku_already_mapped', { skus: f.otherSkusMappedToBmSku.join(', '), count: f.otherSkusMappedToBmSku.length })
  if (f.productsNamedBmSku.length) warn('bm_sku_is_our_product', { skus: f.productsNamedBmSku.join(', '), count: f.productsNamedBmSku.length })
  if (wouldBreak.length) warn('open_orders_would_break', { count: distinct(wouldBreak), references: named(wouldBreak), listing: sentToday })
  if (!f.product.exists && !f.ourSkuOnAnyOrder) warn('our_sku_unknown')

  if (stillDiffer.length) note('open_orders_still_differ', { count: distinct(stillDiffer), references: named(stillDiffer) })
  if (f.currentMapping?.bmSku === f.bmSku) note('same_mapping')
  if (sameCatalogueSku(f.ourSku, f.bmSku)) note('case_only')
  if (f.product.bmListingId) note('cached_listing', { listingId: f.product.bmListingId })

  return {
    ourSku: f.ourSku,
    bmSku: f.bmSku,
    warnings,
    needsConfirmation: warnings.some((w) => w.severity === 'warning'),
    counts: {
      openOrdersWithOurSku: distinct(f.openLinesWithOurSku.map((l) => l.reference)),
      fixed: distinct(fixed),
      wouldBreak: distinct(wouldBreak),
      stillDiffer: distinct(stillDiffer),
      openOrdersUsingBmSku: distinct(f.openOrdersUsingBmSku),
    },
    currentMapping: f.currentMapping,
    product: f.product,
  }
}
