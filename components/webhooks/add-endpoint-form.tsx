'use client'
// Add an endpoint: its URL, what it is for, and the events it wants. The answer's secret is shown
// once, then the list re-renders from the server with the new endpoint.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { ApiError } from '@/components/api/api-client'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { lazyModule } from '@/components/ui/lazy-module'
import type { CreateWebhookEndpointBody } from '@/lib/webhooks/endpoint-input'
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/event-types'
import { useCreateEndpoint } from './api/create-endpoint'
import { eventKey } from './event-key'
import { SecretOnce } from './secret-once'

type Errors = { url?: string[]; events?: string[]; description?: string[] }

const loadSchemas = lazyModule(() => import('@/lib/webhooks/endpoint-input'))

export function AddEndpointForm() {
  const t = useTranslations('webhooks')
  const errorText = useApiErrorText()
  const id = useId()
  const router = useRouter()
  const [errors, setErrors] = useState<Errors>({})
  const [secret, setSecret] = useState<string | null>(null)
  const create = useCreateEndpoint({
    onSuccess: ({ secret }) => {
      setSecret(secret)
      router.refresh()
    },
  })

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const target = e.currentTarget
    const form = new FormData(target)
    const body = { url: String(form.get('url') ?? ''), description: String(form.get('description') ?? ''), events: form.getAll('events').map(String) }
    const schemas = await loadSchemas()
    const parsed = schemas ? schemas.CreateWebhookEndpointBodySchema.safeParse(body) : { success: true as const, data: body as CreateWebhookEndpointBody }
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])))
      setErrors({
        url: fields.has('url') ? [body.url.trim() ? t('form.urlInvalid') : t('form.urlRequired')] : undefined,
        events: fields.has('events') ? [t('form.eventsRequired')] : undefined,
        description: fields.has('description') ? [t('form.descriptionInvalid')] : undefined,
      })
      return
    }
    setErrors({})
    create.mutate(parsed.data, {
      onSuccess: () => target.reset(),
      // A 400 here is the URL refused where it points (the server resolves it): said under the field.
      onError: (err) => {
        if (err instanceof ApiError && err.status === 400) setErrors({ url: [t('form.urlRefused', { reason: err.message })] })
      },
    })
  }

  if (secret) return <SecretOnce secret={secret} onDone={() => setSecret(null)} />
  const failed = create.error && !(create.error instanceof ApiError && create.error.status === 400) ? t('form.failed', { message: errorText(create.error) }) : null
  return (
    <form onSubmit={(e) => void submit(e)} onFocus={() => void loadSchemas()} noValidate className="space-y-4" aria-describedby={`${id}-failed`}>
      <div>
        <Label htmlFor={`${id}-url`}>{t('form.url')}</Label>
        <p id={`${id}-url-hint`} className="mt-0.5 text-xs text-slate-600">
          {t('form.urlHint')}
        </p>
        <Input id={`${id}-url`} name="url" type="url" inputMode="url" autoComplete="off" placeholder="https://" className="mt-1.5" aria-invalid={errors.url ? true : undefined} aria-describedby={`${id}-url-hint ${id}-url-error`} />
        <FieldError id={`${id}-url-error`} errors={errors.url} />
      </div>
      <div>
        <Label htmlFor={`${id}-description`}>{t('form.description')}</Label>
        <Input id={`${id}-description`} name="description" maxLength={200} className="mt-1.5" aria-invalid={errors.description ? true : undefined} aria-describedby={`${id}-description-error`} />
        <FieldError id={`${id}-description-error`} errors={errors.description} />
      </div>
      <fieldset aria-describedby={`${id}-events-error`}>
        <legend className="text-sm font-medium text-slate-800">{t('form.events')}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" name="events" value={type} defaultChecked className="mt-0.5 size-4 rounded border-slate-300" />
              <span>
                <span className="font-mono text-xs">{type}</span>
                <span className="block text-xs text-slate-600">{t(`events.${eventKey(type)}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-events-error`} errors={errors.events} />
      </fieldset>
      <p id={`${id}-failed`} aria-live="polite" className="text-sm text-red-700">
        {failed}
      </p>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? t('form.pending') : t('form.submit')}
      </Button>
    </form>
  )
}
