'use client'
// Create a warehouse key: a name saying which WMS holds it. The secret is shown once (only its
// hash is kept), then the list re-renders from the server with the new key.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { ShownOnce } from '@/components/ui/shown-once'
import { apiKeyNameSchema } from '@/lib/api-keys/api-key-schema'
import { useCreateWarehouseKey } from './api/warehouse-keys'

export function CreateWarehouseKeyForm() {
  const t = useTranslations('staff.keys')
  const errorText = useApiErrorText()
  const id = useId()
  const router = useRouter()
  const [invalid, setInvalid] = useState(false)
  const [secret, setSecret] = useState<string | null>(null)
  const create = useCreateWarehouseKey({
    onSuccess: ({ key }) => {
      setSecret(key.secret)
      router.refresh()
    },
  })

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const parsed = apiKeyNameSchema.safeParse(String(new FormData(form).get('name') ?? ''))
    setInvalid(!parsed.success)
    if (parsed.success) create.mutate({ name: parsed.data }, { onSuccess: () => form.reset() })
  }

  if (secret) {
    const texts = { title: t('created.title'), warning: t('created.warning'), copy: t('created.copy'), copied: t('created.copied'), done: t('created.done') }
    return <ShownOnce value={secret} texts={texts} onDone={() => setSecret(null)} />
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={`${id}-failed`}>
      <div>
        <Label htmlFor={`${id}-name`}>{t('name')}</Label>
        <p id={`${id}-name-hint`} className="mt-0.5 text-xs text-slate-600">
          {t('nameHint')}
        </p>
        <Input
          id={`${id}-name`}
          name="name"
          maxLength={100}
          autoComplete="off"
          className="mt-1.5"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${id}-name-hint ${id}-name-error`}
        />
        <FieldError id={`${id}-name-error`} errors={invalid ? [t('nameError')] : undefined} />
      </div>
      <p id={`${id}-failed`} aria-live="polite" className="text-sm text-red-700">
        {create.error ? t('failed', { message: errorText(create.error) }) : null}
      </p>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? t('pending') : t('submit')}
      </Button>
    </form>
  )
}
