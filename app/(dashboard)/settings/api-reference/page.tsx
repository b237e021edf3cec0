// The public API's reference: base URL, how to authenticate, the OpenAPI document to download,
// and the document rendered (components/api-reference). Signed-in like every dashboard page,
// though the document itself is public.
import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { ApiReference } from '@/components/api-reference/api-reference'
import { Card } from '@/components/ui/card'
import { buttonClasses } from '@/components/ui/button'
import { API_BASE_PATH, OPENAPI_DOCUMENT_PATH } from '@/lib/api-v1/openapi-paths'
import { requireUser } from '@/lib/auth/require-user'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiReference.page')
  return { title: t('title') }
}

const DOCUMENT_URL = `${API_BASE_PATH}${OPENAPI_DOCUMENT_PATH}`

export default async function ApiReferencePage() {
  const [, t] = await Promise.all([requireUser(), getTranslations('apiReference.page')])
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('description')}</p>
      </div>
      <Card className="space-y-3 px-4 py-4 text-sm text-slate-700 sm:px-5">
        <p>
          {t('baseUrl')} <code className="rounded bg-slate-100 px-1.5 py-0.5 break-all">{API_BASE_PATH}</code>
        </p>
        <p>
          {t.rich('authentication', {
            code: (chunks) => <code className="rounded bg-slate-100 px-1.5 py-0.5 break-all">{chunks}</code>,
          })}
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/settings/api-keys" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            {t('manageKeys')}
          </Link>
          <a href={DOCUMENT_URL} download="openapi.json" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            {t('download')}
          </a>
        </div>
      </Card>
      <Card aria-label={t('title')}>
        <ApiReference documentUrl={DOCUMENT_URL} />
      </Card>
    </div>
  )
}
