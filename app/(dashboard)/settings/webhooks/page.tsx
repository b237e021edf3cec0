// /settings/webhooks — the merchant's webhook endpoints: add one (secret shown once), their state,
// actions and delivery log. Any signed-in user of the merchant manages them until roles arrive.
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AddEndpointForm } from '@/components/webhooks/add-endpoint-form'
import { EndpointCard } from '@/components/webhooks/endpoint-card'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { requireUser } from '@/lib/auth/require-user'
import { listWebhookEndpoints } from '@/lib/webhooks/list-webhook-endpoints'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('webhooks.page')
  return { title: t('title') }
}

export default async function WebhooksPage() {
  const [user, t] = await Promise.all([requireUser('administer'), getTranslations('webhooks')])
  const endpoints = await listWebhookEndpoints({ merchantId: user.merchantId })
  const disabled = endpoints.filter((e) => !e.enabled && e.disabledReason === 'failing_5_days').length

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('page.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('page.description')}</p>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('page.verifyHint')}</p>
        <p className="mt-1 max-w-3xl text-xs text-slate-500">{t('page.rolesNote')}</p>
      </div>
      {disabled > 0 ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
          {t('notice.disabled', { count: disabled })}
        </p>
      ) : null}
      <Card aria-labelledby="add-endpoint-title">
        <CardHeader title={t('form.title')} titleId="add-endpoint-title" />
        <CardBody>
          <AddEndpointForm />
        </CardBody>
      </Card>
      <section aria-labelledby="endpoints-title" className="space-y-3">
        <h2 id="endpoints-title" className="text-base font-semibold text-slate-900">
          {t('page.endpoints', { count: endpoints.length })}
        </h2>
        {endpoints.length === 0 ? <p className="text-sm text-slate-600">{t('page.empty')}</p> : endpoints.map((e) => <EndpointCard key={e.id} endpoint={e} />)}
      </section>
    </div>
  )
}
