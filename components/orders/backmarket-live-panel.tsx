'use client'
// Back Market's own view of the order, read live when the page opens and on Refresh, compared
// with ours. It loads after the page (a slow or failing Back Market never holds the page up or
// blanks it) and is not refetched on focus: each read counts against the merchant's rate limit.
import { ApiError } from '@/components/api/api-client'
import { useBackMarketOrder } from '@/components/orders/api/get-backmarket-order'
import { BackMarketComparison } from '@/components/orders/backmarket-comparison'
import { formatClockTime } from '@/components/orders/format'
import { Button } from '@/components/ui/button'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import type { BackMarketFailureDetails } from '@/lib/orders/backmarket-live-view'

export function BackMarketLivePanel({ reference }: { reference: string }) {
  const { data, error, isPending, isFetching, refetch } = useBackMarketOrder(reference)

  let status = ''
  if (isFetching) status = 'Reading the order from Back Market…'
  else if (error) status = 'Back Market could not be read.'
  else if (data) status = `Fetched from Back Market at ${formatClockTime(data.fetchedAt)}.`

  return (
    <Card aria-labelledby="bm-live-title" aria-busy={isFetching}>
      <CardHeader
        title="Back Market now"
        titleId="bm-live-title"
        description={
          data ? (
            <>
              Fetched at <time dateTime={data.fetchedAt}>{formatClockTime(data.fetchedAt)}</time>
            </>
          ) : (
            'Read live from Back Market'
          )
        }
        actions={
          <Button variant="secondary" size="sm" onClick={() => void refetch()} disabled={isFetching} aria-label="Refresh Back Market's view of this order">
            {isFetching ? 'Refreshing…' : 'Refresh'}
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
  const { title, detail } = describeFailure(error)
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2.5 text-sm text-red-900 ring-1 ring-red-200 ring-inset">
      <p className="font-medium">{title}</p>
      {detail ? <p className="mt-0.5 break-words text-red-800">{detail}</p> : null}
      {hasOlderData ? <p className="mt-1 text-red-800">Below: the last answer Back Market gave.</p> : null}
      {error instanceof ApiError && error.status === 401 ? (
        <p className="mt-1">
          <a href="/login" className="font-medium underline underline-offset-2">
            Sign in again
          </a>
        </p>
      ) : null}
    </div>
  )
}

// BackMarketError kinds (lib/backmarket/errors.ts) in the merchant's words.
const FAILURE_TEXT: Record<string, string> = {
  not_found: 'Back Market does not know this order',
  unauthorized: 'Back Market refused the API token',
  forbidden: 'Back Market refused the request',
  rate_limited: 'Too many requests to Back Market; try again in a minute',
  server: 'Back Market had a server error',
  timeout: 'Back Market did not answer in time',
  network: 'Back Market could not be reached',
  bad_response: 'Back Market gave an unexpected answer',
  validation: 'Back Market rejected the request',
  invalid_transition: 'Back Market rejected the request',
}

function isFailureDetails(v: unknown): v is BackMarketFailureDetails {
  return typeof v === 'object' && v !== null && 'kind' in v && 'message' in v
}

function describeFailure(error: Error): { title: string; detail?: string } {
  if (!(error instanceof ApiError)) return { title: 'Could not reach our server.', detail: 'Check your connection, then refresh.' }
  if (error.status === 401) return { title: 'Your session has ended.' }
  if (error.status === 404) return { title: 'This order is not available.' }
  if (error.status === 502 && isFailureDetails(error.details)) {
    const d = error.details
    const status = d.status ? ` (HTTP ${d.status})` : ''
    return { title: `${FAILURE_TEXT[d.kind] ?? 'Back Market gave an unexpected answer'}${status}.`, detail: d.message }
  }
  return { title: error.message }
}
