// Where the outcomes chart's bars go, apart from the markup so the arithmetic is tested alone.
// Both variants share one scale per chart: the two flows' bars are comparable at a glance.
import type { DailyOutcome, FlowOutcome } from '@/lib/sync/daily-outcomes-rules'

export type Measure = keyof FlowOutcome
export type FlowKey = 'parcelUpdate' | 'stockUpdate'
export const FLOW_KEYS: readonly FlowKey[] = ['parcelUpdate', 'stockUpdate']
export const MEASURES: readonly Measure[] = ['failed', 'recovered']

/** The top of the value axis: the largest figure rounded up to 1, 2 or 5 × 10ⁿ (at least 1). */
export function axisMax(days: DailyOutcome[]): number {
  const largest = Math.max(1, ...days.flatMap((d) => FLOW_KEYS.flatMap((f) => MEASURES.map((m) => d[f][m]))))
  const magnitude = 10 ** Math.floor(Math.log10(largest))
  const step = [1, 2, 5, 10].find((s) => s * magnitude >= largest) ?? 10
  return step * magnitude
}

/** Whole-number ticks only: 0, the middle when it is whole, the top. */
export function axisTicks(max: number): number[] {
  return max % 2 === 0 ? [0, max / 2, max] : [0, max]
}

export type Bar = { dayIndex: number; measure: Measure; value: number; x: number; y: number; width: number; height: number }

export type Frame = { width: number; height: number; top: number; right: number; bottom: number; left: number }

/** The full chart, one panel per flow: per day a pair of bars, failed then recovered. */
export const FULL_FRAME: Frame = { width: 300, height: 170, top: 10, right: 6, bottom: 34, left: 28 }

export function flowBars(days: DailyOutcome[], flow: FlowKey, max: number, frame: Frame = FULL_FRAME): Bar[] {
  const plotWidth = frame.width - frame.left - frame.right
  const plotHeight = frame.height - frame.top - frame.bottom
  const group = plotWidth / days.length
  const barWidth = Math.min(16, (group - 6) / 2)
  const baseline = frame.top + plotHeight
  return days.flatMap((d, dayIndex) =>
    MEASURES.map((measure, i) => {
      const value = d[flow][measure]
      const height = (value / max) * plotHeight
      const x = frame.left + dayIndex * group + group / 2 - barWidth - 1 + i * (barWidth + 2)
      return { dayIndex, measure, value, x: round(x), y: round(baseline - height), width: round(barWidth), height: round(height) }
    }),
  )
}

/** The middle of a day's group on the full chart's x axis (its label goes there). */
export function dayCenter(dayIndex: number, dayCount: number, frame: Frame = FULL_FRAME): number {
  const group = (frame.width - frame.left - frame.right) / dayCount
  return round(frame.left + dayIndex * group + group / 2)
}

/** The y of a value on the full chart's axis. */
export function valueY(value: number, max: number, frame: Frame = FULL_FRAME): number {
  return round(frame.height - frame.bottom - (value / max) * (frame.height - frame.top - frame.bottom))
}

/**
 * The compact variant, for a table row: per day, the failures of both flows rise above a middle
 * line and the recoveries hang below it, like a pair of sparklines. Its table keeps the flows apart.
 */
export const COMPACT = { width: 84, height: 28, group: 12, barWidth: 6 }

export type CompactBar = { dayIndex: number; measure: Measure; value: number; x: number; y: number; width: number; height: number }

export function compactBars(days: DailyOutcome[]): CompactBar[] {
  const totals = days.map((d) => ({ failed: d.parcelUpdate.failed + d.stockUpdate.failed, recovered: d.parcelUpdate.recovered + d.stockUpdate.recovered }))
  const max = Math.max(1, ...totals.flatMap((t) => [t.failed, t.recovered]))
  const half = COMPACT.height / 2
  const group = COMPACT.width / days.length
  return totals.flatMap((t, dayIndex) =>
    MEASURES.map((measure) => {
      const value = t[measure]
      // A day with something to show is never thinner than a pixel and a half.
      const height = value === 0 ? 0 : Math.max(1.5, (value / max) * (half - 1))
      const x = dayIndex * group + (group - COMPACT.barWidth) / 2
      return { dayIndex, measure, value, x: round(x), y: round(measure === 'failed' ? half - height : half), width: COMPACT.barWidth, height: round(height) }
    }),
  )
}

export function totals(days: DailyOutcome[]): Record<FlowKey, FlowOutcome> {
  const sum = (flow: FlowKey, m: Measure) => days.reduce((n, d) => n + d[flow][m], 0)
  return {
    parcelUpdate: { failed: sum('parcelUpdate', 'failed'), recovered: sum('parcelUpdate', 'recovered') },
    stockUpdate: { failed: sum('stockUpdate', 'failed'), recovered: sum('stockUpdate', 'recovered') },
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
