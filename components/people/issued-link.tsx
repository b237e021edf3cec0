'use client'
// A one-time link (invitation, password reset) just issued. Emailed: the admin is told to whom
// and until when, and never sees the link (it is the recipient's). Not emailed (no SMTP, or the
// mail failed): the link, the one time it exists in clear, to copy and hand over.
import { useFormatter, useTranslations } from 'next-intl'
import { formatWhen } from '@/components/sync/format-time'
import { Button } from '@/components/ui/button'
import { ShownOnce } from '@/components/ui/shown-once'
import type { IssuedLink } from './api/users'

export function IssuedLinkPanel({ issued, kind, email, onDone }: { issued: IssuedLink; kind: 'invitation' | 'passwordReset'; email: string; onDone: () => void }) {
  const t = useTranslations('people.link')
  const format = useFormatter()
  const expires = formatWhen(format, issued.link.expiresAt)
  if (issued.emailed || !issued.link.url) {
    return (
      <div role="status" className="space-y-2 rounded-md bg-emerald-50 p-3 ring-1 ring-emerald-300 ring-inset">
        <p className="text-sm text-emerald-900">{t(kind === 'invitation' ? 'invitationEmailed' : 'passwordResetEmailed', { email, expires })}</p>
        <Button type="button" size="sm" onClick={onDone}>
          {t('done')}
        </Button>
      </div>
    )
  }
  const texts = {
    title: t(`${kind}Title`, { email }),
    warning: t('warning', { expires }),
    copy: t('copy'),
    copied: t('copied'),
    done: t('done'),
  }
  return (
    <div className="space-y-2">
      <ShownOnce value={issued.link.url} texts={texts} onDone={onDone} />
      <p className="text-sm text-slate-700">{t('notEmailed')}</p>
    </div>
  )
}
