'use client'
// "Open dashboard": the staff session opens the merchant (read-only, audited for the merchant),
// then the dashboard shows that merchant's orders with the staff bar on top.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId } from 'react'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { useOpenMerchant } from './api/open-merchant'

export function OpenMerchantButton({ merchantId, merchantName }: { merchantId: string; merchantName: string }) {
  const t = useTranslations('staff.overview')
  const errorText = useApiErrorText()
  const router = useRouter()
  const errorId = useId()
  const open = useOpenMerchant({ onSuccess: () => router.push('/orders') })
  return (
    <div className="flex flex-col items-start gap-1">
      <Button type="button" size="sm" onClick={() => open.mutate(merchantId)} disabled={open.isPending || open.isSuccess} aria-describedby={errorId}>
        {open.isPending || open.isSuccess ? t('opening') : t('open')}
        <span className="sr-only">: {merchantName}</span>
      </Button>
      <p id={errorId} aria-live="polite" className="text-xs text-red-700">
        {open.error ? t('openFailed', { message: errorText(open.error) }) : null}
      </p>
    </div>
  )
}
