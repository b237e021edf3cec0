'use client'
// Change one's password: the current one, then the new one twice. The other sessions end; the
// outcome says how many.
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { lazyModule } from '@/components/ui/lazy-module'
import { useChangePassword } from './api/me'
import { usePeopleErrorText } from './use-people-error-text'

type Errors = Partial<Record<'currentPassword' | 'newPassword' | 'confirm', string[]>>

const loadSchemas = lazyModule(() => import('@/lib/users/user-schemas'))

export function ChangePasswordForm() {
  const t = useTranslations('people.password')
  const errorText = usePeopleErrorText()
  const id = useId()
  const [errors, setErrors] = useState<Errors>({})
  const [ended, setEnded] = useState<number | null>(null)
  const change = useChangePassword({ onSuccess: (r) => setEnded(r.sessionsEnded) })

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setEnded(null)
    const form = e.currentTarget
    const data = new FormData(form)
    const currentPassword = String(data.get('currentPassword') ?? '')
    const newPassword = String(data.get('newPassword') ?? '')
    const schemas = await loadSchemas()
    const next: Errors = {
      currentPassword: currentPassword ? undefined : [t('currentRequired')],
      newPassword: !schemas || schemas.NewPasswordSchema.safeParse(newPassword).success ? undefined : [t('tooShort')],
      confirm: newPassword === String(data.get('confirm') ?? '') ? undefined : [t('mismatch')],
    }
    setErrors(next)
    if (next.currentPassword || next.newPassword || next.confirm) return
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => form.reset() })
  }

  const field = (name: keyof Errors, autoComplete: string) => (
    <div>
      <Label htmlFor={`${id}-${name}`}>{t(name)}</Label>
      <Input
        id={`${id}-${name}`}
        name={name}
        type="password"
        autoComplete={autoComplete}
        maxLength={1024}
        className="mt-1.5"
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${id}-${name}-error`}
      />
      <FieldError id={`${id}-${name}-error`} errors={errors[name]} />
    </div>
  )
  return (
    <form onSubmit={(e) => void submit(e)} onFocus={() => void loadSchemas()} noValidate className="max-w-md space-y-2">
      {field('currentPassword', 'current-password')}
      {field('newPassword', 'new-password')}
      {field('confirm', 'new-password')}
      <p aria-live="polite" className="text-sm">
        {change.error ? <span className="text-red-700">{errorText(change.error)}</span> : ended !== null ? <span className="text-green-800">{t('changed', { count: ended })}</span> : null}
      </p>
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? t('saving') : t('submit')}
      </Button>
    </form>
  )
}
