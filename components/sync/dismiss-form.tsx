'use client'
// Dismiss one issue, or a group of them, saying why. The reason is kept with the issue; the
// issues leave the banner's counts but stay in the error history. Stays mounted once nothing is
// left to dismiss (canDismiss false), so the outcome is still there to read after the refresh.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId, useRef, useState, type FormEvent } from 'react'
import { PermissionNote, useActionPermission } from '@/components/auth/permission-note'
import { Button, buttonClasses } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { isControlCharacterIssue } from '@/lib/input/control-characters'
import { DISMISS_REASON_MAX } from '@/lib/sync/dismiss-limits'
import { useDismissSyncIssues } from './api/dismiss-sync-issues'
import { refusalText } from './refusal-text'
import { useApiErrorText } from './use-api-error-text'

// The reason's schema (zod/mini) loads when a form is first opened, not with the page: most visits
// dismiss nothing. Should it fail to load, the route's own check still answers.
const loadReasonSchema = () =>
  import('@/lib/sync/dismiss-input').then(
    (m) => m.DismissReasonSchema,
    () => null,
  )

export function DismissForm({ issueIds, openLabel, canDismiss = true }: { issueIds: string[]; openLabel: string; canDismiss?: boolean }) {
  const t = useTranslations('connection.dismiss')
  const tRefusal = useTranslations('connection.refusals')
  const errorText = useApiErrorText()
  const id = useId()
  const gate = useActionPermission('operate', 'dismiss')
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const said = useRef<HTMLParagraphElement>(null)
  // Closing the form gives the focus back to the button that opened it, or after a dismissal (the
  // button goes once nothing is left open) to the sentence saying what happened.
  const close = (focus: 'opener' | 'outcome') => {
    setOpen(false)
    requestAnimationFrame(() => (focus === 'opener' ? opener.current : said.current)?.focus())
  }
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const dismiss = useDismissSyncIssues({
    onSuccess: ({ results }) => {
      const failed = results.filter((r) => !r.dismissed)
      const dismissed = results.length - failed.length
      setOutcome(
        failed.length === 0
          ? t('done', { count: dismissed })
          : t('partly', { dismissed, failed: failed.length, reasons: [...new Set(failed.map((f) => refusalText(f.refusal, f.error ?? '', tRefusal)))].join(' ') }),
      )
      close('outcome')
      router.refresh()
    },
  })

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const reason = new FormData(e.currentTarget).get('reason') ?? ''
    const schema = await loadReasonSchema()
    if (!schema) {
      dismiss.mutate({ issueIds, reason: String(reason) })
      return
    }
    const parsed = schema.safeParse(reason)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      setFieldError(issue && isControlCharacterIssue(issue) ? t('reasonControlCharacters') : issue?.code === 'too_big' ? t('reasonTooLong') : t('reasonTooShort'))
      return
    }
    setFieldError(null)
    dismiss.mutate({ issueIds, reason: parsed.data })
  }

  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  return (
    <div className="min-w-0">
      {open ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset">
          <Label htmlFor={`${id}-reason`}>{t('reasonLabel')}</Label>
          <p id={hintId} className="text-xs text-slate-600">
            {t('reasonHint')}
          </p>
          <Input
            id={`${id}-reason`}
            name="reason"
            autoFocus
            maxLength={DISMISS_REASON_MAX}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${hintId} ${errorId}`}
          />
          <FieldError id={errorId} errors={fieldError ? [fieldError] : dismiss.error ? [t('failed', { message: errorText(dismiss.error) })] : undefined} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={dismiss.isPending}>
              {dismiss.isPending ? t('pending') : t('submit', { count: issueIds.length })}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => close('opener')}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : canDismiss ? (
        <>
          <button
            ref={opener}
            type="button"
            className={buttonClasses({ variant: 'ghost', size: 'sm' })}
            onClick={() => {
              if (!gate.allowed) return
              void loadReasonSchema()
              setOpen(true)
            }}
            aria-disabled={!gate.allowed || undefined}
            aria-describedby={gate.allowed ? undefined : `${id}-denied`}
          >
            {openLabel}
          </button>
          <PermissionNote id={`${id}-denied`} gate={gate} />
        </>
      ) : null}
      <p ref={said} tabIndex={-1} role="status" className="text-sm text-slate-700 focus:outline-none">
        {outcome}
      </p>
    </div>
  )
}
