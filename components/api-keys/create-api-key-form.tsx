'use client'
// Create a key: a name and, for a merchant's key, the scopes it gets. The answer's key is shown
// once (it is stored only as a hash), then the list re-renders from the server with the new key.
// A merchant's keys by default; the staff's warehouse keys (one scope, set by the server) pass
// their endpoint and texts and no scopes.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { ShownOnce } from '@/components/ui/shown-once'
import { MERCHANT_SCOPES } from '@/lib/api-keys/scopes'
import { lazyModule } from '@/components/ui/lazy-module'
import { useCreateApiKey } from './api/create-api-key'
import { scopeKey } from './scope-key'

type Errors = { name?: string[]; scopes?: string[] }

type Props = {
  /** POST here; the answer holds the secret. */
  endpoint?: string
  /** A namespace holding form.* and created.* (as apiKeys does). */
  messages?: string
  /** Whether the key's scopes are chosen here (a merchant's key) or fixed by the server. */
  withScopes?: boolean
}

// A warehouse key's form sends the name alone (the server fixes its scope).
const loadSchemas = lazyModule(async () => {
  const [z, { apiKeyNameSchema, createMerchantApiKeySchema }] = await Promise.all([import('zod/mini'), import('@/lib/api-keys/api-key-schema')])
  return { createMerchantApiKeySchema, nameOnlySchema: z.object({ name: apiKeyNameSchema }) }
})

export function CreateApiKeyForm({ endpoint = '/api/api-keys', messages = 'apiKeys', withScopes = true }: Props) {
  const t = useTranslations(messages)
  const errorText = useApiErrorText()
  const id = useId()
  const router = useRouter()
  const [errors, setErrors] = useState<Errors>({})
  const [secret, setSecret] = useState<string | null>(null)
  const create = useCreateApiKey({
    endpoint,
    onSuccess: ({ key }) => {
      setSecret(key.secret)
      router.refresh()
    },
  })

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const target = e.currentTarget
    const form = new FormData(target)
    const body = { name: String(form.get('name') ?? ''), scopes: form.getAll('scopes').map(String) }
    const schemas = await loadSchemas()
    if (!schemas) return create.mutate(body, { onSuccess: () => target.reset() })
    const parsed = withScopes ? schemas.createMerchantApiKeySchema.safeParse(body) : schemas.nameOnlySchema.safeParse(body)
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])))
      setErrors({
        name: fields.has('name') ? [body.name.trim() ? t('form.nameInvalid') : t('form.nameRequired')] : undefined,
        scopes: fields.has('scopes') ? [t('form.scopesRequired')] : undefined,
      })
      return
    }
    setErrors({})
    create.mutate(parsed.data, { onSuccess: () => target.reset() })
  }

  if (secret) {
    const texts = { title: t('created.title'), warning: t('created.warning'), copy: t('created.copy'), copied: t('created.copied'), done: t('created.done') }
    return <ShownOnce value={secret} texts={texts} onDone={() => setSecret(null)} />
  }
  return (
    <form onSubmit={(e) => void submit(e)} onFocus={() => void loadSchemas()} noValidate className="space-y-4" aria-describedby={`${id}-failed`}>
      <div>
        <Label htmlFor={`${id}-name`}>{t('form.name')}</Label>
        <p id={`${id}-name-hint`} className="mt-0.5 text-xs text-slate-600">
          {t('form.nameHint')}
        </p>
        <Input
          id={`${id}-name`}
          name="name"
          maxLength={100}
          autoComplete="off"
          className="mt-1.5"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={`${id}-name-hint ${id}-name-error`}
        />
        <FieldError id={`${id}-name-error`} errors={errors.name} />
      </div>
      {withScopes ? (
        <fieldset aria-describedby={`${id}-scopes-error`}>
          <legend className="text-sm font-medium text-slate-800">{t('form.scopes')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {MERCHANT_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'sync:read'} className="mt-0.5 size-4 rounded border-slate-300" />
                <span>
                  <span className="font-mono text-xs">{scope}</span>
                  <span className="block text-xs text-slate-600">{t(`scopes.${scopeKey(scope)}`)}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id={`${id}-scopes-error`} errors={errors.scopes} />
        </fieldset>
      ) : null}
      <p id={`${id}-failed`} aria-live="polite" className="text-sm text-red-700">
        {create.error ? t('form.failed', { message: errorText(create.error) }) : null}
      </p>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? t('form.pending') : t('form.submit')}
      </Button>
    </form>
  )
}
