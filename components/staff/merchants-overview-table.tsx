// The Merchants overview as a table, most in need of a call first (lib/staff/overview-rules.ts):
// each row what support looks at before calling, the last 7 days as a small chart (its figures in
// a table for screen readers), and the button that opens the merchant's dashboard.
import { getFormatter, getTranslations } from 'next-intl/server'
import { OutcomesChart } from '@/components/charts/outcomes-chart'
import { formatWhen } from '@/components/sync/format-time'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import type { MerchantOverviewRow } from '@/lib/staff/merchants-overview'
import type { ConnectionState } from '@/lib/staff/overview-rules'
import type { DailyOutcome } from '@/lib/sync/daily-outcomes'
import { OpenMerchantButton } from './open-merchant-button'

export type OverviewTableRow = MerchantOverviewRow & { outcomes: DailyOutcome[] }

const CONNECTION_TONE: Record<ConnectionState, BadgeTone> = { token_refused: 'danger', degraded: 'warning', not_connected: 'neutral', ok: 'success' }

export async function MerchantsOverviewTable({ rows }: { rows: OverviewTableRow[] }) {
  const [t, format] = await Promise.all([getTranslations('staff.overview'), getFormatter()])
  // A time of day with its zone's short name (formatWhen): support and merchant may not share one.
  const when = (d: Date) => formatWhen(format, d)
  const time = (d: Date) => <time dateTime={d.toISOString()}>{when(d)}</time>
  return (
    <Table label={t('tableLabel')}>
      <THead>
        <Tr>
          <Th>{t('columns.merchant')}</Th>
          <Th>{t('columns.connection')}</Th>
          <Th>{t('columns.openIssues')}</Th>
          <Th>{t('columns.blocked')}</Th>
          <Th>{t('columns.oldestFailure')}</Th>
          <Th>{t('columns.deadline')}</Th>
          <Th>{t('columns.lastImport')}</Th>
          <Th>{t('columns.lastDays')}</Th>
          {/* relative: screen-reader-only text is positioned; inside the table's own scroller it
              must not widen the page on a phone. */}
          <Th className="relative">
            <span className="sr-only">{t('columns.actions')}</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const deadline = r.deadline?.deadlines.applies ? { ...r.deadline, applies: r.deadline.deadlines.applies } : null
          return (
            <Tr key={r.id}>
              <Td>
                <span className="block font-medium text-slate-900">{r.name}</span>
                <span className="block font-mono text-xs text-slate-500">{r.markets.join(' · ')}</span>
              </Td>
              <Td>
                <Badge tone={CONNECTION_TONE[r.connection]}>{t(`connection.${r.connection}`)}</Badge>
              </Td>
              <Td className="tabular-nums">{r.openIssues}</Td>
              <Td>
                <span className="block tabular-nums">{r.blockedOrders}</span>
                {r.blockedOrders > 0 ? (
                  <span className="block text-xs whitespace-nowrap text-slate-500">{t('blockedDetail', { addressErrors: r.addressErrors, carrierRefusals: r.carrierRefusals })}</span>
                ) : null}
              </Td>
              <Td className="whitespace-nowrap">{r.oldestFailureAt ? time(r.oldestFailureAt) : <span className="text-slate-500">{t('none')}</span>}</Td>
              <Td>
                {deadline ? (
                  <>
                    <span className="block whitespace-nowrap">{t(`deadline.${deadline.applies.kind}`, { reference: deadline.reference })}</span>
                    <span className={deadline.deadlines.urgency === 'overdue' ? 'block text-xs whitespace-nowrap text-red-700' : 'block text-xs whitespace-nowrap text-slate-600'}>
                      {t(deadline.deadlines.urgency === 'overdue' ? 'deadline.overdue' : 'deadline.due', { time: when(deadline.applies.at) })}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-500">{t('none')}</span>
                )}
              </Td>
              <Td className="text-xs">
                {r.lastImport ? (
                  <span className={r.lastImport.status === 'FAILED' ? 'text-red-700' : 'text-slate-700'}>
                    {t(`lastImport.${r.lastImport.status}`, { time: when(r.lastImport.finishedAt ?? r.lastImport.startedAt) })}
                  </span>
                ) : (
                  <span className="text-slate-500">{t('lastImport.never')}</span>
                )}
              </Td>
              <Td className="relative">
                <OutcomesChart days={r.outcomes} variant="compact" caption={t('chartCaption', { merchant: r.name })} />
              </Td>
              <Td className="relative">
                <OpenMerchantButton merchantId={r.id} merchantName={r.name} />
              </Td>
            </Tr>
          )
        })}
      </TBody>
    </Table>
  )
}
