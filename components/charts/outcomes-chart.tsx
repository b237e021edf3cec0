'use client'
// The last days' failed and recovered updates to Back Market, per flow (lib/sync/daily-outcomes.ts
// says what is counted). Plain SVG, no chart library, nothing the strict CSP would refuse (classes
// only, no style attribute). The picture is one image with a summary for screen readers; the
// figures are in a real table beside it.
// A client component although it has no state: as a server component its SVG arrived in the RSC
// stream, and where a stream chunk ended inside the <svg>, React's HTML renderer streamed the rest
// as a hidden segment, which inside SVG it writes as <svg style="display:none"> — an inline style
// the CSP refuses (seen on the French /connection-issues, where the longer text moved the chunk
// boundary). Rendered from plain props here, the whole SVG is written at once.
import { useFormatter, useTranslations } from 'next-intl'
import { cn } from '@/components/ui/cn'
import type { DailyOutcome } from '@/lib/sync/daily-outcomes-rules'
import {
  axisMax,
  axisTicks,
  compactBars,
  COMPACT,
  dayCenter,
  flowBars,
  FLOW_KEYS,
  FULL_FRAME,
  MEASURES,
  totals,
  valueY,
  type FlowKey,
  type Measure,
} from './outcomes-geometry'

type Props = {
  days: DailyOutcome[]
  variant: 'full' | 'compact'
  /** What the chart is of ("The last 7 days", a merchant's name): the table's caption and the image's label. */
  caption: string
  className?: string
}

const BAR_CLASS: Record<Measure, string> = { failed: 'fill-rose-600', recovered: 'fill-emerald-500' }
const SWATCH_CLASS: Record<Measure, string> = { failed: 'bg-rose-600', recovered: 'bg-emerald-500' }

export function OutcomesChart({ days, variant, caption, className }: Props) {
  const t = useTranslations('charts.outcomes')
  const label = useDayLabels()
  const sum = totals(days)
  const summary = t('summary', {
    caption,
    first: label.long(days[0]?.day),
    last: label.long(days.at(-1)?.day),
    parcelFailed: sum.parcelUpdate.failed,
    parcelRecovered: sum.parcelUpdate.recovered,
    stockFailed: sum.stockUpdate.failed,
    stockRecovered: sum.stockUpdate.recovered,
  })
  return (
    <figure className={cn(variant === 'compact' ? 'inline-block' : 'space-y-3', className)}>
      {variant === 'full' ? <FullChart days={days} summary={summary} /> : <CompactChart days={days} summary={summary} />}
      <OutcomesTable days={days} caption={caption} />
    </figure>
  )
}

function FullChart({ days, summary }: { days: DailyOutcome[]; summary: string }) {
  const t = useTranslations('charts.outcomes')
  const label = useDayLabels()
  const max = axisMax(days)
  const f = FULL_FRAME
  return (
    <>
      <div role="img" aria-label={summary} className="grid gap-6 md:max-w-3xl md:grid-cols-2">
        {FLOW_KEYS.map((flow) => (
          <div key={flow} className="max-w-sm">
            <p aria-hidden="true" className="text-sm font-medium text-slate-700">
              {t(`flow.${flow}`)}
            </p>
            <svg viewBox={`0 0 ${f.width} ${f.height}`} className="h-auto w-full" aria-hidden="true" focusable="false">
              {axisTicks(max).map((tick) => (
                <g key={tick}>
                  <line x1={f.left} x2={f.width - f.right} y1={valueY(tick, max)} y2={valueY(tick, max)} className="stroke-slate-200" />
                  <text x={f.left - 4} y={valueY(tick, max) + 3} textAnchor="end" className="fill-slate-500 text-[11px]">
                    {tick}
                  </text>
                </g>
              ))}
              {flowBars(days, flow, max).map((bar) => (
                <rect key={`${bar.dayIndex}-${bar.measure}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} className={BAR_CLASS[bar.measure]}>
                  <title>{t('bar', { day: label.short(days[bar.dayIndex]?.day), flow: t(`flow.${flow}`), measure: t(`measure.${bar.measure}`), value: bar.value })}</title>
                </rect>
              ))}
              {days.map((d, i) => (
                <text key={d.day} x={dayCenter(i, days.length)} y={f.height - f.bottom + 14} textAnchor="middle" className="fill-slate-600 text-[11px]">
                  <tspan x={dayCenter(i, days.length)}>{label.weekday(d.day)}</tspan>
                  <tspan x={dayCenter(i, days.length)} dy="13">
                    {label.dayOfMonth(d.day)}
                  </tspan>
                </text>
              ))}
            </svg>
          </div>
        ))}
      </div>
      <Legend />
    </>
  )
}

function CompactChart({ days, summary }: { days: DailyOutcome[]; summary: string }) {
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${COMPACT.width} ${COMPACT.height}`} className="h-7 w-21" focusable="false">
      <line x1={0} x2={COMPACT.width} y1={COMPACT.height / 2} y2={COMPACT.height / 2} className="stroke-slate-300" strokeWidth={0.5} />
      {compactBars(days).map((bar) => (
        <rect key={`${bar.dayIndex}-${bar.measure}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} className={BAR_CLASS[bar.measure]} />
      ))}
    </svg>
  )
}

function Legend() {
  const t = useTranslations('charts.outcomes')
  return (
    <ul aria-hidden="true" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {MEASURES.map((m) => (
        <li key={m} className="flex items-center gap-1.5">
          <span className={cn('inline-block size-2.5 rounded-sm', SWATCH_CLASS[m])} />
          {t(`measure.${m}`)}
        </li>
      ))}
    </ul>
  )
}

function OutcomesTable({ days, caption }: { days: DailyOutcome[]; caption: string }) {
  const t = useTranslations('charts.outcomes')
  const label = useDayLabels()
  const columns = FLOW_KEYS.flatMap((flow) => MEASURES.map((measure) => ({ flow, measure })))
  // sr-only on the wrapper: a table will not shrink below its content's width, and an absolutely
  // placed wide table still widens the page (horizontal scroll at 390 px).
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            {columns.map((c) => (
              <th key={`${c.flow}-${c.measure}`} scope="col">
                {t('column', { flow: t(`flow.${c.flow}`), measure: t(`measure.${c.measure}`) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{label.long(d.day)}</th>
              {columns.map((c) => (
                <td key={`${c.flow}-${c.measure}`}>{d[c.flow as FlowKey][c.measure]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * A day here is a calendar date already cut in the reader's zone (YYYY-MM-DD), not an instant:
 * it is named at noon UTC and formatted in UTC, so no zone can move it to the day before or after.
 */
function useDayLabels() {
  const format = useFormatter()
  const at = (day: string) => new Date(`${day}T12:00:00.000Z`)
  return {
    weekday: (day: string) => format.dateTime(at(day), { weekday: 'short', timeZone: 'UTC' }),
    dayOfMonth: (day: string) => format.dateTime(at(day), { day: 'numeric', timeZone: 'UTC' }),
    short: (day: string | undefined) => (day ? format.dateTime(at(day), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }) : ''),
    long: (day: string | undefined) => (day ? format.dateTime(at(day), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }) : ''),
  }
}
