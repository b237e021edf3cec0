'use client'
// Revoke after a confirmation naming the key: from the next request on, the WMS gets 401.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId } from 'react'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { useRevokeWarehouseKey } from './api/warehouse-keys'

export function RevokeWarehouseKeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations('staff.keys')
  const errorText = useApiErrorText()
  const router = useRouter()
  const errorId = useId()
  const revoke = useRevokeWarehouseKey({ onSuccess: () => router.refresh() })
  const onClick = () => {
    if (window.confirm(t('revokeConfirm', { name }))) revoke.mutate(id)
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="secondary" size="sm" onClick={onClick} disabled={revoke.isPending} aria-describedby={errorId}>
        {revoke.isPending ? t('revoking') : t('revoke')}
        <span className="sr-only">: {name}</span>
      </Button>
      <p id={errorId} aria-live="polite" className="text-xs text-red-700">
        {revoke.error ? t('revokeFailed', { message: errorText(revoke.error) }) : null}
      </p>
    </div>
  )
}
