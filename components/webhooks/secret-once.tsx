'use client'
// A signing secret, shown the one time it exists in clear: to copy now, never shown again.
import { useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Input, Label } from '@/components/ui/input'

export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useTranslations('webhooks.secret')
  const id = useId()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false))
  }
  return (
    <div role="status" className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-300 ring-inset">
      <Label htmlFor={id}>{t('title')}</Label>
      <p id={`${id}-hint`} className="text-sm text-amber-900">
        {t('once')}
      </p>
      <div className="flex flex-wrap gap-2">
        <Input id={id} readOnly value={secret} aria-describedby={`${id}-hint`} className="min-w-0 flex-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button type="button" variant="secondary" onClick={copy}>
          {copied ? t('copied') : t('copy')}
        </Button>
        <Button type="button" onClick={onDone}>
          {t('done')}
        </Button>
      </div>
    </div>
  )
}
