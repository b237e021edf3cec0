'use client'
// A one-time link (invitation, password reset) the one time it exists in clear: to copy and hand
// over, with when it stops working and, when SMTP is set, to whom it was also emailed.
import { useFormatter, useTranslations } from 'next-intl'
import { formatWhen } from '@/components/sync/format-time'
import { ShownOnce } from '@/components/ui/shown-once'
import type { IssuedLink } from './api/users'

export function IssuedLinkPanel({ issued, kind, email, onDone }: { issued: IssuedLink; kind: 'invitation' | 'passwordReset'; email: string; onDone: () => void }) {
  const t = useTranslations('people.link')
  const format = useFormatter()
  const texts = {
    title: t(`${kind}Title`, { email }),
    warning: t('warning', { expires: formatWhen(format, issued.link.expiresAt) }),
    copy: t('copy'),
    copied: t('copied'),
    done: t('done'),
  }
  return (
    <div className="space-y-2">
      <ShownOnce value={issued.link.url} texts={texts} onDone={onDone} />
      <p className="text-sm text-slate-700">{issued.emailed ? t('emailed', { email }) : t('notEmailed')}</p>
    </div>
  )
}
