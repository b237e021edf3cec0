'use client'
// Revoke after a confirmation naming the key: from the next request on, the key gets 401. A
// merchant's keys by default; the staff's warehouse keys pass their endpoint and texts.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId } from 'react'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { useRevokeApiKey } from './api/revoke-api-key'

type Props = {
  id: string
  name: string
  /** Where the key lives: DELETE <endpoint>/<id>. */
  endpoint?: string
  /** A namespace holding revoke, revoking, revokeConfirm and revokeFailed. */
  messages?: string
}

export function RevokeApiKeyButton({ id, name, endpoint = '/api/api-keys', messages = 'apiKeys.list' }: Props) {
  const t = useTranslations(messages)
  const errorText = useApiErrorText()
  const router = useRouter()
  const errorId = useId()
  const revoke = useRevokeApiKey({ endpoint, onSuccess: () => router.refresh() })
  const onClick = () => {
    if (window.confirm(t('revokeConfirm', { name }))) revoke.mutate(id)
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="secondary" size="sm" onClick={onClick} disabled={revoke.isPending} aria-describedby={errorId}>
        {revoke.isPending ? t('revoking') : t('revoke')}
        <span className="sr-only"> {name}</span>
      </Button>
      <p id={errorId} aria-live="polite" className="text-xs text-red-700">
        {revoke.error ? t('revokeFailed', { message: errorText(revoke.error) }) : null}
      </p>
    </div>
  )
}
