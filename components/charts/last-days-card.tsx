// The connection-issues page's picture of the week, above its list of errors: how many updates
// failed and how many recovered each day, per flow, so a bad day stands out before anything is read.
import { useTranslations } from 'next-intl'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import type { DailyOutcome } from '@/lib/sync/daily-outcomes-rules'
import { OutcomesChart } from './outcomes-chart'

export function LastDaysCard({ days, timeZone }: { days: DailyOutcome[]; timeZone: string }) {
  const t = useTranslations('charts')
  const title = t('lastDays.title', { days: days.length })
  return (
    <Card aria-labelledby="last-days-title">
      <CardHeader title={title} titleId="last-days-title" description={t('lastDays.description', { timeZone })} />
      <CardBody className="space-y-3">
        <OutcomesChart days={days} variant="full" caption={title} />
        <p className="text-xs text-slate-500">{t('outcomes.definition')}</p>
      </CardBody>
    </Card>
  )
}
