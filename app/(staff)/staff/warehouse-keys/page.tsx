// /staff/warehouse-keys — the keys WMSs post warehouse events with (for every merchant): create
// one (shown once), see who made each and when it was last used, revoke.
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CreateApiKeyForm } from '@/components/api-keys/create-api-key-form'
import { WarehouseKeyList } from '@/components/staff/warehouse-key-list'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { requireStaffUser } from '@/lib/auth/require-user'
import { listWarehouseKeys } from '@/lib/staff/list-warehouse-keys'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('staff.keys')
  return { title: t('title') }
}

export default async function WarehouseKeysPage() {
  const [, t] = await Promise.all([requireStaffUser(), getTranslations('staff.keys')])
  const keys = await listWarehouseKeys()
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('description')}</p>
      </div>
      <Card aria-labelledby="create-wh-key-title">
        <CardHeader title={t('formTitle')} titleId="create-wh-key-title" />
        <CardBody>
          <CreateApiKeyForm endpoint="/api/staff/warehouse-keys" messages="staff.keys" withScopes={false} />
        </CardBody>
      </Card>
      <section aria-labelledby="wh-keys-title" className="space-y-3">
        <h2 id="wh-keys-title" className="text-base font-semibold text-slate-900">
          {t('listTitle', { count: keys.length })}
        </h2>
        {keys.length > 0 ? <WarehouseKeyList keys={keys} /> : null}
      </section>
    </div>
  )
}
