// /settings/api-keys — the merchant's keys for /api/v1: create one (shown once), see who made each
// and when it was last used, revoke. Any signed-in user of the merchant manages them until roles arrive.
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ApiKeyList } from '@/components/api-keys/api-key-list'
import { CreateApiKeyForm } from '@/components/api-keys/create-api-key-form'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { listApiKeys } from '@/lib/api-keys/list-api-keys'
import { requireUser } from '@/lib/auth/require-user'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiKeys.page')
  return { title: t('title') }
}

export default async function ApiKeysPage() {
  const [user, t] = await Promise.all([requireUser('administer'), getTranslations('apiKeys')])
  const keys = await listApiKeys({ merchantId: user.merchantId })
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('page.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('page.description')}</p>
        <p className="mt-1 max-w-3xl text-xs text-slate-500">{t('page.rolesNote')}</p>
      </div>
      <Card aria-labelledby="create-key-title">
        <CardHeader title={t('form.title')} titleId="create-key-title" />
        <CardBody>
          <CreateApiKeyForm />
        </CardBody>
      </Card>
      <section aria-labelledby="keys-title" className="space-y-3">
        <h2 id="keys-title" className="text-base font-semibold text-slate-900">
          {t('list.title', { count: keys.length })}
        </h2>
        <ApiKeyList keys={keys} />
      </section>
    </div>
  )
}
