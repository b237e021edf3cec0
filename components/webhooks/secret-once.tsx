'use client'
// A webhook's signing secret, shown the one time it exists in clear (components/ui/shown-once).
import { useTranslations } from 'next-intl'
import { ShownOnce } from '@/components/ui/shown-once'

export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useTranslations('webhooks.secret')
  return <ShownOnce value={secret} texts={{ title: t('title'), warning: t('once'), copy: t('copy'), copied: t('copied'), done: t('done') }} onDone={onDone} />
}
