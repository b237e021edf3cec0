// Where the next import starts. The cursor moves to the newest date_modification imported, but
// never past an order that failed: Back Market's filter is "modified since", so the failed order
// comes back next run. It never moves backwards.

export function nextCursor(
  current: Date | null,
  processed: readonly { dateModification: Date; ok: boolean }[],
): Date | null {
  const failed = processed.filter((p) => !p.ok).map((p) => p.dateModification.getTime())
  const ceiling = failed.length ? Math.min(...failed) : Infinity
  const candidates = processed
    .filter((p) => p.ok && p.dateModification.getTime() <= ceiling)
    .map((p) => p.dateModification.getTime())
  const best = candidates.length ? Math.max(...candidates) : null
  if (best === null) return current
  if (current && current.getTime() >= best) return current
  return new Date(best)
}
