'use client'
// One endpoint: where it points, its state, its events, and its actions (enable or disable,
// rotate the secret, delete), with its recent deliveries on demand.
import { useRouter } from 'next/navigation'
import { useFormatter, useTranslations } from 'next-intl'
import { lazy, Suspense, useId, useState } from 'react'
import { formatWhen } from '@/components/sync/format-time'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { Card, CardBody } from '@/components/ui/card'
import type { WebhookEndpointView } from '@/lib/webhooks/endpoint-view'
import { useChangeEndpoint } from './api/change-endpoint'
import { EndpointStatus } from './endpoint-status'
import { SecretOnce } from './secret-once'

// Loaded when first opened: it brings TanStack Query (its cache of the log) with it.
const DeliveriesPanel = lazy(() => import('./deliveries-panel').then((m) => ({ default: m.DeliveriesPanel })))

function DeliveriesLoading() {
  const t = useTranslations('webhooks.deliveries')
  return <p className="text-sm text-slate-600">{t('loading')}</p>
}

export function EndpointCard({ endpoint }: { endpoint: WebhookEndpointView }) {
  const t = useTranslations('webhooks.endpoint')
  const format = useFormatter()
  const errorText = useApiErrorText()
  const router = useRouter()
  const id = useId()
  const [secret, setSecret] = useState<string | null>(null)
  const [showDeliveries, setShowDeliveries] = useState(false)
  const change = useChangeEndpoint(endpoint.id, {
    onSuccess: (answer) => {
      if (answer?.secret) setSecret(answer.secret)
      router.refresh()
    },
  })
  const remove = () => {
    if (window.confirm(t('deleteConfirm'))) change.mutate({ kind: 'delete' })
  }

  return (
    <Card aria-labelledby={`${id}-url`}>
      <CardBody className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 id={`${id}-url`} className="font-mono text-sm break-all text-slate-900">
              {endpoint.url}
            </h3>
            {endpoint.description ? <p className="text-sm text-slate-600">{endpoint.description}</p> : null}
          </div>
          <EndpointStatus endpoint={endpoint} />
        </div>
        <p className="text-sm text-slate-700">
          <span className="font-medium">{t('events')}</span> <span className="font-mono text-xs break-words">{endpoint.events.join(', ')}</span>
        </p>
        {endpoint.previousSecretExpiresAt ? <p className="text-sm text-slate-600">{t('rotationOverlap', { when: formatWhen(format, endpoint.previousSecretExpiresAt) })}</p> : null}
        {secret ? <SecretOnce secret={secret} onDone={() => setSecret(null)} /> : null}
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" disabled={change.isPending} onClick={() => change.mutate({ kind: 'update', body: { enabled: !endpoint.enabled } })}>
            {endpoint.enabled ? t('disable') : t('enable')}
          </Button>
          <Button size="sm" variant="secondary" disabled={change.isPending} onClick={() => change.mutate({ kind: 'rotate' })}>
            {t('rotate')}
          </Button>
          <Button size="sm" variant="secondary" aria-expanded={showDeliveries} onClick={() => setShowDeliveries((v) => !v)}>
            {showDeliveries ? t('hideDeliveries') : t('showDeliveries')}
          </Button>
          <Button size="sm" variant="ghost" disabled={change.isPending} onClick={remove}>
            {t('delete')}
          </Button>
        </div>
        <p aria-live="polite" className="text-sm text-red-700">
          {change.error ? t('failed', { message: errorText(change.error) }) : null}
        </p>
        {showDeliveries ? (
          <Suspense fallback={<DeliveriesLoading />}>
            <DeliveriesPanel endpointId={endpoint.id} url={endpoint.url} />
          </Suspense>
        ) : null}
      </CardBody>
    </Card>
  )
}
