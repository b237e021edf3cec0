'use client'
// An endpoint's recent deliveries: event, state, the last answer, each attempt's code and time,
// and "Redeliver" (one more attempt, now; its outcome is said and the log re-read).
import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { formatWhen } from '@/components/sync/format-time'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import type { WebhookDeliveryView } from '@/lib/webhooks/endpoint-view'
import { useDeliveries } from './api/get-deliveries'
import { useRedeliver } from './api/redeliver'

const TONES: Record<WebhookDeliveryView['status'], BadgeTone> = { PENDING: 'warning', SUCCEEDED: 'success', FAILED: 'danger' }

export function DeliveriesTable({ endpointId, url }: { endpointId: string; url: string }) {
  const t = useTranslations('webhooks.deliveries')
  const format = useFormatter()
  const errorText = useApiErrorText()
  const deliveries = useDeliveries(endpointId)
  const [said, setSaid] = useState<string | null>(null)
  const redeliver = useRedeliver(endpointId, {
    onSuccess: ({ result }) => setSaid(t('redelivered', { code: result.statusCode ?? t('noAnswer') })),
  })

  if (deliveries.isPending) return <p className="text-sm text-slate-600">{t('loading')}</p>
  if (deliveries.isError) return <p className="text-sm text-red-700">{t('failed', { message: errorText(deliveries.error) })}</p>
  const rows = deliveries.data.deliveries
  return (
    <div className="space-y-2">
      <h4 className="text-sm font-semibold text-slate-900">{t('title')}</h4>
      <p aria-live="polite" className="text-sm text-slate-700">
        {redeliver.error ? t('redeliverFailed', { message: errorText(redeliver.error) }) : said}
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <Table label={t('label', { url })}>
          <THead>
            <Tr>
              <Th>{t('event')}</Th>
              <Th>{t('status')}</Th>
              <Th>{t('attempts')}</Th>
              <Th>{t('time')}</Th>
              {/* relative: the absolutely placed sr-only text stays inside the table's scroll box (it widened the page at 390 px). */}
              <Th className="relative">
                <span className="sr-only">{t('actions')}</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((d) => (
              <Tr key={d.id}>
                <Td className="font-mono text-xs">{d.eventType}</Td>
                <Td>
                  <Badge tone={TONES[d.status]}>{t(`status_${d.status}`)}</Badge>
                  {d.nextAttemptAt ? <span className="block text-xs text-slate-600">{t('nextAttempt', { when: formatWhen(format, d.nextAttemptAt) })}</span> : null}
                </Td>
                <Td>
                  <ul className="space-y-0.5 text-xs">
                    {d.recentAttempts.map((a) => (
                      <li key={a.attempt} className="whitespace-nowrap">
                        {t('attemptLine', { attempt: a.attempt, code: a.statusCode ?? t('noAnswer'), ms: a.durationMs, trigger: a.trigger })}
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td className="text-xs whitespace-nowrap">{formatWhen(format, d.createdAt)}</Td>
                <Td>
                  <Button size="sm" variant="secondary" disabled={redeliver.isPending} onClick={() => redeliver.mutate(d.id)}>
                    {redeliver.isPending && redeliver.variables === d.id ? t('redelivering') : t('redeliver')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  )
}
