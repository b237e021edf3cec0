'use client'
// Email + password form posting to the signInAction server action. It works before JavaScript
// loads; with JavaScript, errors appear under their field without a page reload.
import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import { SIGN_IN_ERROR_KEYS } from '@/components/auth/sign-in-error-keys'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { signInAction } from '@/lib/auth/sign-in-action'
import type { SignInFormState } from '@/lib/auth/sign-in-schema'

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<SignInFormState, FormData>(signInAction, {})
  const t = useTranslations('auth')
  const translate = (message: string) => {
    const key = SIGN_IN_ERROR_KEYS[message]
    return key ? t(key, { minutes: state.retryAfterMinutes ?? 1 }) : message
  }
  const emailErrors = state.fieldErrors?.email?.map(translate)
  const passwordErrors = state.fieldErrors?.password?.map(translate)

  return (
    <form action={formAction} noValidate className="space-y-1" aria-describedby="login-form-error">
      <input type="hidden" name="next" value={next} />
      <div>
        <Label htmlFor="email">{t('email')}</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={emailErrors ? true : undefined}
          aria-describedby="email-error"
          className="mt-1.5"
        />
        <FieldError id="email-error" errors={emailErrors} />
      </div>
      <div>
        <Label htmlFor="password">{t('password')}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordErrors ? true : undefined}
          aria-describedby="password-error"
          className="mt-1.5"
        />
        <FieldError id="password-error" errors={passwordErrors} />
      </div>
      <div id="login-form-error" aria-live="polite" className="min-h-6">
        {state.formError ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200 ring-inset">{translate(state.formError)}</p> : null}
      </div>
      <Button type="submit" className="mt-3 w-full" disabled={pending} aria-disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  )
}
