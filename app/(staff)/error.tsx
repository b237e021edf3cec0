'use client'
// Unexpected failures inside the staff pages keep the header on screen and offer a retry. The
// message is generic on purpose: server errors reach the browser without their details.
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'

export default function StaffError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations()
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined
  return (
    <div role="alert" className="rounded-lg bg-white px-6 py-10 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-900">{t('orders.errorPage.title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('orders.errorPage.body')}</p>
      {digest ? <p className="mt-2 font-mono text-xs text-slate-500">{t('orders.errorPage.reference', { digest })}</p> : null}
      <Button className="mt-6" onClick={() => retry()}>
        {t('common.retry')}
      </Button>
    </div>
  )
}
