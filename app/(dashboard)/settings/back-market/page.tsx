// /settings/back-market — the merchant's Back Market connection (admins): where it stands, the
// token and markets (test, save and connect, rotate), the import's health, and disconnect.
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ConnectionForm } from '@/components/bm-connection/connection-form'
import { ConnectionSummary } from '@/components/bm-connection/connection-summary'
import { DisconnectForm } from '@/components/bm-connection/disconnect-form'
import { ImportHealth } from '@/components/bm-connection/import-health'
import { toStatusView } from '@/components/bm-connection/status-view'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { requireUser } from '@/lib/auth/require-user'
import { getConnectionStatus } from '@/lib/sync/connection/connection-status'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bmConnection.page')
  return { title: t('title') }
}

export default async function BackMarketSettingsPage() {
  const [user, t] = await Promise.all([requireUser('administer'), getTranslations('bmConnection')])
  const status = await getConnectionStatus({ merchantId: user.merchantId })
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('page.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('page.description')}</p>
      </div>
      <Card aria-labelledby="bm-status-title">
        <CardHeader title={t('status.title')} titleId="bm-status-title" />
        <CardBody>
          <ConnectionSummary status={status} />
        </CardBody>
      </Card>
      <Card aria-labelledby="bm-form-title">
        <CardHeader title={t('form.title')} titleId="bm-form-title" description={t('form.description')} />
        <CardBody>
          <ConnectionForm status={toStatusView(status)} />
        </CardBody>
      </Card>
      <Card aria-labelledby="bm-imports-title">
        <CardHeader title={t('imports.title')} titleId="bm-imports-title" />
        <CardBody>
          <ImportHealth imports={status.imports} />
        </CardBody>
      </Card>
      {status.state !== 'not_connected' ? (
        <Card aria-labelledby="bm-disconnect-title">
          <CardHeader title={t('disconnect.title')} titleId="bm-disconnect-title" description={t('disconnect.description')} />
          <CardBody>
            <DisconnectForm />
          </CardBody>
        </Card>
      ) : null}
    </div>
  )
}
