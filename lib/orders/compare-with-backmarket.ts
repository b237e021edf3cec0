// Our copy of an order against Back Market's live one: the order state, and per orderline (matched
// by Back Market's orderline id) the state, the SKU and the quantity. A difference is what a
// merchant must see before an update to Back Market fails: Back Market matches `sku` against the
// orderline's `listing`, so our SKU differing from it means our next update would get a 404.
// Pure, and typed structurally so it needs neither the vendor client nor Prisma.

export type OurOrderForComparison = {
  /** Back Market's order state as we last saw it. */
  bmState: number
  lines: ReadonlyArray<{
    bmOrderlineId: string
    sku: string
    listing: string
    quantity: number
    bmState: number
    productTitle: string
  }>
}

export type BackMarketOrderForComparison = {
  state: number
  orderlines: ReadonlyArray<{ id: number | string; listing: string; state: number; quantity: number; product?: string | null }>
}

export type LineDifference =
  /** We have the line; Back Market's order no longer does. */
  | 'missing_on_backmarket'
  /** Back Market has a line we never imported. */
  | 'missing_on_ours'
  | 'state'
  /** Our warehouse SKU ≠ Back Market's listing: what we would send in `sku` would not match. */
  | 'sku'
  /** The listing we recorded at import ≠ Back Market's listing now (renamed on their side). */
  | 'listing'
  | 'quantity'

export type LineComparison = {
  orderlineId: string
  productTitle: string | null
  ours: { sku: string; listing: string; quantity: number; state: number } | null
  backMarket: { listing: string; quantity: number; state: number } | null
  differences: LineDifference[]
}

export type OrderComparison = {
  orderState: { ours: number; backMarket: number; differs: boolean }
  lines: LineComparison[]
  /** Order-state difference plus every line difference. */
  differenceCount: number
}

export function compareWithBackMarket(ours: OurOrderForComparison, theirs: BackMarketOrderForComparison): OrderComparison {
  const theirsById = new Map(theirs.orderlines.map((l) => [String(l.id), l]))
  const lines: LineComparison[] = []

  for (const line of ours.lines) {
    const bm = theirsById.get(line.bmOrderlineId)
    theirsById.delete(line.bmOrderlineId)
    const differences: LineDifference[] = []
    if (!bm) differences.push('missing_on_backmarket')
    else {
      if (line.bmState !== bm.state) differences.push('state')
      if (line.sku !== bm.listing) differences.push('sku')
      if (line.listing !== bm.listing) differences.push('listing')
      if (line.quantity !== bm.quantity) differences.push('quantity')
    }
    lines.push({
      orderlineId: line.bmOrderlineId,
      productTitle: line.productTitle,
      ours: { sku: line.sku, listing: line.listing, quantity: line.quantity, state: line.bmState },
      backMarket: bm ? { listing: bm.listing, quantity: bm.quantity, state: bm.state } : null,
      differences,
    })
  }

  for (const [id, bm] of theirsById) {
    lines.push({
      orderlineId: id,
      productTitle: bm.product ?? null,
      ours: null,
      backMarket: { listing: bm.listing, quantity: bm.quantity, state: bm.state },
      differences: ['missing_on_ours'],
    })
  }

  const orderStateDiffers = ours.bmState !== theirs.state
  return {
    orderState: { ours: ours.bmState, backMarket: theirs.state, differs: orderStateDiffers },
    lines,
    differenceCount: (orderStateDiffers ? 1 : 0) + lines.reduce((n, l) => n + l.differences.length, 0),
  }
}
