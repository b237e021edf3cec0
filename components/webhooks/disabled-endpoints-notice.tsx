// Under the connection banner: endpoints disabled for failing 5 days, so the merchant learns it
// on every page, not only on the webhooks page. Renders nothing otherwise.
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { countDisabledWebhookEndpoints } from '@/lib/webhooks/list-webhook-endpoints'

export async function DisabledEndpointsNotice({ merchantId }: { merchantId: string }) {
  const count = await countDisabledWebhookEndpoints({ merchantId })
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
