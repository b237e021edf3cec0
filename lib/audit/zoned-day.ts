// Midnight of a calendar day in an IANA zone, as an instant: the bounds of "from"/"to" days typed
// by a reader in their own zone. Computed from Intl's offset at that moment, checked once more
// because the offset at the UTC guess can differ from the one at local midnight (DST days).

function offsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(at))
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000
}

/** `day` (YYYY-MM-DD) plus `addDays`, at 00:00 in `timeZone`. */
export function zonedMidnight(day: string, timeZone: string, addDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const guess = Date.UTC(y, m - 1, d + addDays)
  const first = guess - offsetMs(guess, timeZone)
  const second = guess - offsetMs(first, timeZone)
  return new Date(second)
}
