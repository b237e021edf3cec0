// Whose tracking data an import keeps. Ours is what the warehouse shipped and what a re-sync sends
// Back Market; Back Market's copy is often empty (not told yet) and stays in the order's snapshot.
// An import used to overwrite ours with it, nulls included, and a re-sync then refused the order
// for "no tracking number". Pure.

export type Tracking = { trackingNumber: string | null; trackingUrl: string | null; shipper: string | null }

/**
 * Ours, with Back Market's values only where we have none. A parcel Back Market knows and we do
 * not (shipped by hand in the back office) brings its number with its own URL and carrier; for
 * the parcel we shipped, theirs only fills a URL or carrier we lack; another number leaves ours.
 */
export function trackingAfterImport(ours: Tracking, theirs: Tracking): Tracking {
  if (ours.trackingNumber === null && theirs.trackingNumber !== null) {
    return { trackingNumber: theirs.trackingNumber, trackingUrl: theirs.trackingUrl ?? ours.trackingUrl, shipper: theirs.shipper ?? ours.shipper }
  }
  if (ours.trackingNumber !== null && theirs.trackingNumber !== null && theirs.trackingNumber !== ours.trackingNumber) return ours
  return {
    trackingNumber: ours.trackingNumber ?? theirs.trackingNumber,
    trackingUrl: ours.trackingUrl ?? theirs.trackingUrl,
    shipper: ours.shipper ?? theirs.shipper,
  }
}
