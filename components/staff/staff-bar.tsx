'use client'
// On every dashboard page a staff user opens: whose dashboard this is and how (read-only, or
// acting as support, when every change is recorded under their name), with the way to act, to
// stop, and back to the Merchants overview. Plain fetches, no TanStack Query: the dashboard layout
// carries this for staff only, and merchants' pages do without the library.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { fetchJson } from '@/components/api/api-client'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'

type Step = 'act' | 'stop' | 'back'

export function StaffBar({ merchantName, acting }: { merchantName: string; acting: boolean }) {
  const t = useTranslations('staff.bar')
  const errorText = useApiErrorText()
  const router = useRouter()
  const [busy, setBusy] = useState<Step | null>(null)
  const [error, setError] = useState<Error | null>(null)

  const run = async (step: Step) => {
    setBusy(step)
    setError(null)
    try {
      if (step === 'back') {
        await fetchJson('/api/staff/session', { method: 'DELETE' })
        router.push('/staff')
        return
      }
      await fetchJson('/api/staff/session/acting', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ acting: step === 'act' }) })
      // The page's permissions come from the server: render it again with the new ones.
      router.refresh()
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)))
    } finally {
      setBusy(null)
    }
  }

  return (
    <section aria-label={t(acting ? 'acting' : 'readOnly', { merchant: merchantName })} className={cn('border-b', acting ? 'border-amber-300 bg-amber-50' : 'border-indigo-200 bg-indigo-50')}>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2 sm:px-6 lg:px-8">
        <p className={cn('min-w-0 text-sm font-medium', acting ? 'text-amber-900' : 'text-indigo-900')}>{t(acting ? 'acting' : 'readOnly', { merchant: merchantName })}</p>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" size="sm" variant={acting ? 'secondary' : 'primary'} disabled={busy !== null} onClick={() => run(acting ? 'stop' : 'act')}>
            {busy === 'act' || busy === 'stop' ? t('working') : acting ? t('stopActing') : t('act')}
          </Button>
          <Button type="button" size="sm" variant="secondary" disabled={busy !== null} onClick={() => run('back')}>
            {busy === 'back' ? t('working') : t('back')}
          </Button>
        </div>
        <p aria-live="polite" className="w-full text-xs text-red-700 empty:hidden">
          {error ? t('failed', { message: errorText(error) }) : null}
        </p>
      </div>
    </section>
  )
}
