'use client'
// "Disconnect…", then a confirmation in place (what stops, what is kept) before the DELETE.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { useDisconnect } from './api/disconnect'

const DANGER = cn(
  'inline-flex h-10 items-center justify-center rounded-md bg-red-700 px-4 text-sm font-medium text-white shadow-sm hover:bg-red-800',
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:cursor-not-allowed disabled:opacity-60',
)

export function DisconnectForm() {
  const t = useTranslations('bmConnection.disconnect')
  const tf = useTranslations('bmConnection.form')
  const errorText = useApiErrorText()
  const router = useRouter()
  const [confirming, setConfirming] = useState(false)
  const [done, setDone] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const disconnect = useDisconnect({
    onSuccess: () => {
      setDone(true)
      setConfirming(false)
      router.refresh()
    },
  })
  // Focus moves to the question so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])

  return (
    <div className="space-y-3">
      {confirming ? (
        <div role="group" aria-labelledby="disconnect-question" className="space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200 ring-inset">
          <p id="disconnect-question" className="text-sm font-medium text-red-900">
            {t('confirm')}
          </p>
          <div className="flex flex-wrap gap-2">
            <button ref={confirmRef} type="button" className={DANGER} disabled={disconnect.isPending} onClick={() => disconnect.mutate()}>
              {disconnect.isPending ? t('pending') : t('confirmButton')}
            </button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={disconnect.isPending}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)} disabled={done}>
          {t('button')}
        </Button>
      )}
      <p aria-live="polite" className="text-sm">
        {done ? <span className="text-emerald-800">{t('done')}</span> : null}
        {disconnect.error ? <span className="text-red-700">{tf('failed', { message: errorText(disconnect.error) })}</span> : null}
      </p>
    </div>
  )
}
