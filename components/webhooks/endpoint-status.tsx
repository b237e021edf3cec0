// An endpoint's state in words: enabled, failing since when, or disabled and why.
import { useFormatter, useTranslations } from 'next-intl'
import { formatWhen } from '@/components/sync/format-time'
import { Badge } from '@/components/ui/badge'
import type { WebhookEndpointView } from '@/lib/webhooks/endpoint-view'

export function EndpointStatus({ endpoint }: { endpoint: WebhookEndpointView }) {
  const t = useTranslations('webhooks.endpoint')
  const format = useFormatter()
  if (!endpoint.enabled) {
    const when = endpoint.disabledAt ? formatWhen(format, endpoint.disabledAt) : ''
    return (
      <div className="space-y-1">
        <Badge tone="danger">{t('disabled')}</Badge>
        <p className="text-sm text-red-800">{endpoint.disabledReason === 'failing_5_days' ? t('disabledFailing', { when }) : t('disabledByMerchant', { when })}</p>
      </div>
    )
  }
  if (endpoint.failingSince) {
    return <Badge tone="warning">{t('failingSince', { when: formatWhen(format, endpoint.failingSince) })}</Badge>
  }
  return <Badge tone="success">{t('enabled')}</Badge>
}
