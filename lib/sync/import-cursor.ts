// Where the next import starts. The cursor moves to the newest date_modification imported, but
// never past an order that failed: Back Market's filter is "modified since", so the failed order
// comes back next run. It never moves backwards.
//
// Kept as a running summary, not a list of every order seen: a first import reads 100,000 orders
// and must not hold one entry per order (bench:import measures its memory). The summary is the
// newest success at or below the oldest failure so far; a failure older than that success (orders
// do not arrive in date order) drops that success, and only later successes below the failure can
// move the cursor (it may stay where it was: orders are read again next run, slower, never lost).

export type CursorTracker = {
  add(dateModification: Date, ok: boolean): void
  next(): Date | null
}

export function createCursorTracker(current: Date | null): CursorTracker {
  let oldestFailure = Infinity
  let best: number | null = null
  return {
    add(date, ok) {
      const t = date.getTime()
      if (ok) {
        if (t <= oldestFailure && (best === null || t > best)) best = t
        return
      }
      if (t >= oldestFailure) return
      oldestFailure = t
      // The success kept may now lie past the failure; the one below it was not kept, so only
      // successes seen from now on (at or below the failure) can move the cursor.
      if (best !== null && best > t) best = null
    },
    next() {
      if (best === null) return current
      if (current && current.getTime() >= best) return current
      return new Date(best)
    },
  }
}

export function nextCursor(current: Date | null, processed: readonly { dateModification: Date; ok: boolean }[]): Date | null {
  const tracker = createCursorTracker(current)
  for (const p of processed) tracker.add(p.dateModification, p.ok)
  return tracker.next()
}
