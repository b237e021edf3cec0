'use client'
// The form behind a one-time link: an invitation asks for one's name and a password; a reset for
// a new password. On success the server has signed this browser in: go where it says.
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { lazyModule } from '@/components/ui/lazy-module'
import { useAcceptInvitation, useCompletePasswordReset } from './api/one-time-links'
import { usePeopleErrorText } from './use-people-error-text'

type Errors = Partial<Record<'name' | 'password' | 'confirm', string[]>>

const loadSchemas = lazyModule(() => import('@/lib/users/user-schemas'))

export function SetPasswordForm({ kind, token, email, name }: { kind: 'invitation' | 'passwordReset'; token: string; email: string; name?: string }) {
  const t = useTranslations('people.setPassword')
  const errorText = usePeopleErrorText()
  const id = useId()
  const [errors, setErrors] = useState<Errors>({})
  // A full navigation, not router.push: the new cookies (session, language, zone) apply to every part of the next page.
  const go = ({ next }: { next: string }) => window.location.assign(next)
  const accept = useAcceptInvitation({ onSuccess: go })
  const reset = useCompletePasswordReset({ onSuccess: go })
  const pending = accept.isPending || reset.isPending || accept.isSuccess || reset.isSuccess
  const error = accept.error ?? reset.error

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const chosenName = String(data.get('name') ?? '')
    const password = String(data.get('password') ?? '')
    const schemas = await loadSchemas()
    const next: Errors = {
      name: kind === 'invitation' && schemas && !schemas.PersonNameSchema.safeParse(chosenName).success ? [t('nameRequired')] : undefined,
      password: !schemas || schemas.NewPasswordSchema.safeParse(password).success ? undefined : [t('tooShort')],
      confirm: password === String(data.get('confirm') ?? '') ? undefined : [t('mismatch')],
    }
    setErrors(next)
    if (next.name || next.password || next.confirm) return
    if (kind === 'invitation') accept.mutate({ token, name: chosenName, password })
    else reset.mutate({ token, password })
  }

  const field = (field: keyof Errors, type: string, autoComplete: string, defaultValue?: string) => (
    <div>
      <Label htmlFor={`${id}-${field}`}>{t(field)}</Label>
      <Input
        id={`${id}-${field}`}
        name={field}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        maxLength={field === 'name' ? 200 : 1024}
        className="mt-1.5"
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={`${id}-${field}-error`}
      />
      <FieldError id={`${id}-${field}-error`} errors={errors[field]} />
    </div>
  )
  return (
    <form onSubmit={(e) => void submit(e)} onFocus={() => void loadSchemas()} noValidate className="space-y-2">
      <p className="mb-4 text-sm break-all text-slate-700">{t(kind === 'invitation' ? 'forInvitation' : 'forReset', { email })}</p>
      {/* The email as a username field lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {kind === 'invitation' ? field('name', 'text', 'name', name) : null}
      {field('password', 'password', 'new-password')}
      {field('confirm', 'password', 'new-password')}
      <p aria-live="polite" className="text-sm text-red-700">
        {error ? errorText(error) : null}
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('pending') : t(kind === 'invitation' ? 'submitInvitation' : 'submitReset')}
      </Button>
    </form>
  )
}
