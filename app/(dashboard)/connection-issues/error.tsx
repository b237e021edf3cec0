'use client'
// The list could not be read: the header, tabs and banner stay; the merchant can try again.
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'

export default function ConnectionIssuesError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('connection.page')
  return (
    <div role="alert" className="rounded-lg bg-white px-6 py-10 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-900">{t('error')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('errorHint')}</p>
      <Button className="mt-6" onClick={() => retry()}>
        {t('retry')}
      </Button>
    </div>
  )
}
