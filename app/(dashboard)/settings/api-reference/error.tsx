'use client'
// The reference could not render (its bundle failed to load, or the document could not be read):
// the header and tabs stay, and the merchant can try again.
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { API_BASE_PATH, OPENAPI_DOCUMENT_PATH } from '@/lib/api-v1/openapi-paths'

export default function ApiReferenceError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('apiReference.page')
  const common = useTranslations('common')
  return (
    <div role="alert" className="rounded-lg bg-white px-6 py-10 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-900">{t('error')}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {t.rich('errorHint', {
          link: (chunks) => (
            <a href={`${API_BASE_PATH}${OPENAPI_DOCUMENT_PATH}`} download="openapi.json" className="font-medium text-indigo-700 underline hover:text-indigo-900">
              {chunks}
            </a>
          ),
        })}
      </p>
      <Button className="mt-6" onClick={() => retry()}>
        {common('retry')}
      </Button>
    </div>
  )
}
