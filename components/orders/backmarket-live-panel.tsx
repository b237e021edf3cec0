'use client'
// Back Market's own view of the order, read live when the page opens and on Refresh, compared
// with ours. It loads after the page (a slow or failing Back Market never holds the page up or
// blanks it) and is not refetched on focus: each read counts against the merchant's rate limit.
import { useFormatter, useTranslations } from 'next-intl'
import { ApiError } from '@/components/api/api-client'
import { useBackMarketOrder } from '@/components/orders/api/get-backmarket-order'
import { BackMarketComparison } from '@/components/orders/backmarket-comparison'
import { formatClock } from '@/components/sync/format-time'
import { Button } from '@/components/ui/button'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import type { BackMarketFailureDetails } from '@/lib/sync/backmarket-failure'

export function BackMarketLivePanel({ reference }: { reference: string }) {
  const { data, error, isPending, isFetching, refetch } = useBackMarketOrder(reference)
  const t = useTranslations('orders.order.live')
  const format = useFormatter()

  let status = ''
  if (isFetching) status = t('reading')
  else if (error) status = t('readFailed')
  else if (data) status = t('fetched', { time: formatClock(format, data.fetchedAt) })

  return (
    <Card aria-labelledby="bm-live-title" aria-busy={isFetching}>
      <CardHeader
        title={t('title')}
        titleId="bm-live-title"
        description={
          data
            ? t.rich('fetchedAt', { clock: formatClock(format, data.fetchedAt), time: (chunks) => <time dateTime={data.fetchedAt}>{chunks}</time> })
            : t('readLive')
        }
        actions={
          <Button variant="secondary" size="sm" onClick={() => void refetch()} disabled={isFetching} aria-label={t('refreshLabel')}>
            {isFetching ? t('refreshing') : t('refresh')}
          </Button>
        }
      />
      <CardBody className="space-y-4">
        <p aria-live="polite" className="sr-only">
          {status}
        </p>
        {error ? <FailureNotice error={error} hasOlderData={Boolean(data)} /> : null}
        {data ? <BackMarketComparison view={data} /> : isPending ? <LoadingLines /> : null}
      </CardBody>
    </Card>
  )
}

function LoadingLines() {
  return (
    <div className="space-y-3">
      <Skeleton className="h-4 w-2/3" />
      <Skeleton className="h-4 w-1/2" />
      <Skeleton className="h-16 w-full" />
    </div>
  )
}

function FailureNotice({ error, hasOlderData }: { error: Error; hasOlderData: boolean }) {
  const t = useTranslations('orders.order.failure')
  const { title, detail } = describeFailure(error, t)
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2.5 text-sm text-red-900 ring-1 ring-red-200 ring-inset">
      <p className="font-medium">{title}</p>
      {detail ? <p className="mt-0.5 break-words text-red-800">{detail}</p> : null}
      {hasOlderData ? <p className="mt-1 text-red-800">{t('olderData')}</p> : null}
      {error instanceof ApiError && error.status === 401 ? (
        <p className="mt-1">
          <a href="/login" className="font-medium underline underline-offset-2">
            {t('signInAgain')}
          </a>
        </p>
      ) : null}
    </div>
  )
}

function isFailureDetails(v: unknown): v is BackMarketFailureDetails {
  return typeof v === 'object' && v !== null && 'kind' in v && 'message' in v
}

// BackMarketError kinds (lib/backmarket/errors.ts) in the merchant's words, under `failure.kinds`.
// The detail is the failure's own technical message, untranslated: it is what support looks up.
function describeFailure(error: Error, t: ReturnType<typeof useTranslations<'orders.order.failure'>>): { title: string; detail?: string } {
  if (!(error instanceof ApiError)) return { title: t('network'), detail: t('networkDetail') }
  if (error.status === 401) return { title: t('sessionEnded') }
  if (error.status === 404) return { title: t('unavailable') }
  if (error.status === 502 && isFailureDetails(error.details)) {
    const d = error.details
    const reason = t.has(`kinds.${d.kind}`) ? t(`kinds.${d.kind}`) : t('kinds.bad_response')
    return { title: d.status ? t('withStatus', { reason, status: d.status }) : t('plain', { reason }), detail: d.message }
  }
  if (error.code === 'rate_limited') return { title: t('rateLimited') }
  return { title: t('unexpected', { status: error.status }) }
}
