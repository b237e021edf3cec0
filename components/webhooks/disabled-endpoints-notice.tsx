// Under the connection banner: endpoints disabled for failing 5 days, so the merchant learns it
// on every page, not only on the webhooks page. Renders nothing otherwise. Like the banner, it has
// its own Suspense boundary (the page does not wait for it) and a failed read or render leaves it
// out: thrown from the dashboard's layout, it would take every page down with it.
import Link from 'next/link'
import { unstable_rethrow } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { QuietBoundary } from '@/components/sync/quiet-boundary'
import { log } from '@/lib/log'
import { countDisabledWebhookEndpoints } from '@/lib/webhooks/list-webhook-endpoints'

export function DisabledEndpointsNotice({ merchantId }: { merchantId: string }) {
  return (
    <Suspense fallback={null}>
      <QuietBoundary>
        <DisabledEndpointsNoticeLoader merchantId={merchantId} />
      </QuietBoundary>
    </Suspense>
  )
}

async function DisabledEndpointsNoticeLoader({ merchantId }: { merchantId: string }) {
  const count = await countDisabledWebhookEndpoints({ merchantId }).catch((err: unknown) => {
    unstable_rethrow(err)
    log.error({ err, merchantId }, 'disabled webhook endpoints could not be counted')
    return 0
  })
  if (count === 0) return null
  const t = await getTranslations('webhooks.notice')
  return (
    <div className="mx-auto w-full max-w-7xl px-4 pt-4 sm:px-6 lg:px-8">
      <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
        {t('disabled', { count })}{' '}
        <Link href="/settings/webhooks" className="font-medium underline">
          {t('link')}
        </Link>
      </p>
    </div>
  )
}
