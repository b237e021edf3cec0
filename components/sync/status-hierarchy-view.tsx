// Back Market's three stages in order, marking where Back Market is, where we are and where our
// update takes the order. A side off the path (cancelled, awaiting payment) is said in words.
import { useTranslations } from 'next-intl'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import { HIERARCHY, type HierarchyStage, type LineStage } from './status-hierarchy'

type Props = { backMarket: LineStage | null; ours: LineStage | null; target: HierarchyStage }

export function StatusHierarchy({ backMarket, ours, target }: Props) {
  const t = useTranslations('connection.status')
  const offPath = (stage: LineStage | null) => stage !== null && !(HIERARCHY as readonly string[]).includes(stage)
  return (
    <div className="space-y-2">
      <ol aria-label={t('hierarchyLabel')} className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        {HIERARCHY.map((stage, i) => {
          return (
            <li
              key={stage}
              className={cn(
                'rounded-md px-3 py-2 text-sm ring-1 ring-inset',
                stage === target ? 'bg-indigo-50 ring-indigo-200' : 'bg-slate-50 ring-slate-200',
              )}
            >
              <span className="block font-medium text-slate-900">
                <span aria-hidden="true" className="text-slate-600">
                  {i + 1}.{' '}
                </span>
                {t(`stages.${stage}`)}
              </span>
              <span className="mt-1 flex flex-wrap gap-1">
                {backMarket === stage ? <Badge tone="warning">{t('backMarket')}</Badge> : null}
                {ours === stage ? <Badge tone="accent">{t('us')}</Badge> : null}
                {stage === target ? <span className="text-xs text-indigo-800">{t('targetMark')}</span> : null}
              </span>
            </li>
          )
        })}
      </ol>
      {offPath(backMarket) ? <p className="text-sm text-amber-900">{t('backMarketOff', { stage: t(`stages.${backMarket!}`) })}</p> : null}
      {offPath(ours) ? <p className="text-sm text-slate-700">{t('usOff', { stage: t(`stages.${ours!}`) })}</p> : null}
    </div>
  )
}
