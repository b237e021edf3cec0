'use client'
// Invite someone: email, name, role. The answer's link is shown once to copy (and emailed when
// SMTP is set); the list then re-renders from the server with the invited person.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { lazyModule } from '@/components/ui/lazy-module'
import type { InviteUserInput } from '@/lib/users/user-schemas'
import { useInviteUser, type InvitedUser } from './api/users'
import { IssuedLinkPanel } from './issued-link'
import { RoleSelect } from './role-select'
import { usePeopleErrorText } from './use-people-error-text'

type Errors = Partial<Record<'email' | 'name' | 'role', string[]>>

const loadSchemas = lazyModule(() => import('@/lib/users/user-schemas'))

export function InviteUserForm() {
  const t = useTranslations('people.invite')
  const errorText = usePeopleErrorText()
  const id = useId()
  const router = useRouter()
  const [errors, setErrors] = useState<Errors>({})
  const [invited, setInvited] = useState<InvitedUser | null>(null)
  const invite = useInviteUser({
    onSuccess: (r) => {
      setInvited(r)
      router.refresh()
    },
  })

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const values = { email: form.get('email'), name: form.get('name'), role: form.get('role') }
    const schemas = await loadSchemas()
    if (!schemas) return invite.mutate(values as InviteUserInput)
    const parsed = schemas.InviteUserSchema.safeParse(values)
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])))
      setErrors({
        email: fields.has('email') ? [t('emailInvalid')] : undefined,
        name: fields.has('name') ? [t('nameRequired')] : undefined,
        role: fields.has('role') ? [t('roleRequired')] : undefined,
      })
      return
    }
    setErrors({})
    invite.mutate(parsed.data)
  }

  if (invited) return <IssuedLinkPanel issued={invited} kind="invitation" email={invited.user.email} onDone={() => setInvited(null)} />
  return (
    <form onSubmit={(e) => void submit(e)} onFocus={() => void loadSchemas()} noValidate className="space-y-4" aria-describedby={`${id}-failed`}>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <Label htmlFor={`${id}-email`}>{t('email')}</Label>
          <Input id={`${id}-email`} name="email" type="email" autoComplete="off" maxLength={254} className="mt-1.5" aria-invalid={errors.email ? true : undefined} aria-describedby={`${id}-email-error`} />
          <FieldError id={`${id}-email-error`} errors={errors.email} />
        </div>
        <div>
          <Label htmlFor={`${id}-name`}>{t('name')}</Label>
          <Input id={`${id}-name`} name="name" autoComplete="off" maxLength={200} className="mt-1.5" aria-invalid={errors.name ? true : undefined} aria-describedby={`${id}-name-error`} />
          <FieldError id={`${id}-name-error`} errors={errors.name} />
        </div>
        <div>
          <Label htmlFor={`${id}-role`}>{t('role')}</Label>
          <RoleSelect id={`${id}-role`} name="role" defaultValue="OPERATOR" className="mt-1.5" aria-describedby={`${id}-role-hint ${id}-role-error`} />
          <FieldError id={`${id}-role-error`} errors={errors.role} />
        </div>
      </div>
      <p id={`${id}-role-hint`} className="text-xs text-slate-600">
        {t('rolesHint')}
      </p>
      <p id={`${id}-failed`} aria-live="polite" className="text-sm text-red-700">
        {invite.error ? t('failed', { message: errorText(invite.error) }) : null}
      </p>
      <Button type="submit" disabled={invite.isPending}>
        {invite.isPending ? t('pending') : t('submit')}
      </Button>
    </form>
  )
}
