'use client'
// Token and markets: "Test connection" (the typed token, or the saved one when the field is empty),
// "Save and connect" (tested first on the server; a failing token changes nothing and its checks
// are shown), and "Save markets" when only the markets changed. The page re-renders from the
// server after a save.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { ApiError } from '@/components/api/api-client'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { FieldError, Input, Label } from '@/components/ui/input'
import { lazyModule } from '@/components/ui/lazy-module'
import { useSaveConnection } from './api/save-connection'
import { useTestConnection } from './api/test-connection'
import { useUpdateMarkets } from './api/update-markets'
import { CheckResults } from './check-results'
import { MarketPicker } from './market-picker'
import { tokenIssueKey } from './token-issue'
import type { ConnectionStatusView, ConnectionTestResult } from './status-view'

type Outcome = { tone: 'ok' | 'error'; text: string } | null

const loadSchemas = lazyModule(async () => {
  const [{ MarketsSchema }, { BackMarketTokenSchema }] = await Promise.all([import('@/lib/backmarket/markets'), import('@/lib/sync/connection/connection-input')])
  return { MarketsSchema, BackMarketTokenSchema }
})

export function ConnectionForm({ status }: { status: ConnectionStatusView }) {
  const t = useTranslations('bmConnection.form')
  const errorText = useApiErrorText()
  const id = useId()
  const router = useRouter()
  const [token, setToken] = useState('')
  const [markets, setMarkets] = useState<string[]>(status.markets)
  const [errors, setErrors] = useState<{ token?: string; markets?: string }>({})
  const [result, setResult] = useState<ConnectionTestResult | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const onError = (err: Error) => {
    // A token that fails the test: the checks come back in the 422's details.
    const test = err instanceof ApiError && err.status === 422 ? (err.details as { test?: ConnectionTestResult } | undefined)?.test : undefined
    if (test) {
      setResult(test)
      setOutcome({ tone: 'error', text: t('notSaved') })
    } else setOutcome({ tone: 'error', text: t('failed', { message: errorText(err) }) })
  }
  const test = useTestConnection({ onSuccess: ({ test }) => setResult(test) })
  const save = useSaveConnection({
    onSuccess: ({ test, status: saved }) => {
      setResult(test)
      setToken('')
      setOutcome({ tone: 'ok', text: t('saved', { ending: saved.tokenEnding ?? '' }) })
      router.refresh()
    },
  })
  const saveMarkets = useUpdateMarkets({
    onSuccess: () => {
      setOutcome({ tone: 'ok', text: t('marketsSaved') })
      router.refresh()
    },
  })
  const pending = test.isPending || save.isPending || saveMarkets.isPending
  const marketsChanged = markets.join() !== status.markets.join()

  /** Client-side first (the same schemas as the routes); the server checks again. */
  const validate = async (needToken: boolean): Promise<{ token?: string; markets: string[] } | null> => {
    const schemas = await loadSchemas()
    if (!schemas) return { token: token.trim() || undefined, markets }
    const { MarketsSchema, BackMarketTokenSchema } = schemas
    const next: typeof errors = {}
    const m = MarketsSchema.safeParse(markets)
    if (!m.success) next.markets = markets.length === 0 ? t('marketsRequired') : t('marketsOneRegion')
    const typed = token.trim() === '' ? undefined : BackMarketTokenSchema.safeParse(token)
    if (typed && !typed.success) next.token = t(`tokenInvalid.${tokenIssueKey(typed.error.issues[0]?.code)}`)
    if (needToken && !typed) next.token = t('tokenRequired')
    setErrors(next)
    if (next.markets || next.token || !m.success) return null
    return { token: typed?.success ? typed.data : undefined, markets: m.data }
  }

  const run = (action: 'test' | 'save' | 'markets') => (e?: FormEvent) => {
    e?.preventDefault()
    setOutcome(null)
    void validate(action === 'save').then((input) => {
      if (!input) return
      if (action === 'test') {
        setResult(null)
        test.mutate(input, { onError })
      } else if (action === 'save') save.mutate({ token: input.token!, markets: input.markets }, { onError })
      else saveMarkets.mutate(input.markets, { onError })
    })
  }

  return (
    <form onSubmit={run('save')} onFocus={() => void loadSchemas()} noValidate className="space-y-4">
      <div>
        <Label htmlFor={`${id}-token`}>{t('token')}</Label>
        <p id={`${id}-token-hint`} className="mt-0.5 text-xs text-slate-600">
          {status.tokenEnding ? t('tokenHintSaved', { ending: status.tokenEnding }) : t('tokenHintNone')}
        </p>
        <Input
          id={`${id}-token`}
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          className="mt-1.5 font-mono"
          aria-invalid={errors.token ? true : undefined}
          aria-describedby={`${id}-token-hint ${id}-token-error`}
        />
        <FieldError id={`${id}-token-error`} errors={errors.token ? [errors.token] : undefined} />
      </div>
      <MarketPicker id={`${id}-markets`} value={markets} onChange={setMarkets} error={errors.markets} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={run('test')} disabled={pending}>
          {test.isPending ? t('testing') : t('test')}
        </Button>
        <Button type="submit" disabled={pending}>
          {save.isPending ? t('saving') : t('save')}
        </Button>
        {status.state !== 'not_connected' && marketsChanged && token.trim() === '' ? (
          <Button type="button" variant="secondary" onClick={run('markets')} disabled={pending}>
            {saveMarkets.isPending ? t('savingMarkets') : t('saveMarkets')}
          </Button>
        ) : null}
      </div>
      <div aria-live="polite" className="space-y-3">
        {outcome ? <p className={outcome.tone === 'ok' ? 'text-sm font-medium text-emerald-800' : 'text-sm font-medium text-red-700'}>{outcome.text}</p> : null}
        {result ? <CheckResults result={result} /> : null}
      </div>
    </form>
  )
}
