'use client'
// Why the last Save did not validate the order, in the merchant's words; what was typed is still
// in the form in every case. Focusable so the form can move the keyboard (and screen reader) here.
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import type { Ref } from 'react'
import type { StillBlockedDetails } from '@/components/errors/api/update-order-address'
import { useApiErrorText } from '@/components/sync/use-api-error-text'
import type { OrderStatus } from '@/lib/generated/prisma/enums'

export type Problem =
  | { kind: 'still_blocked'; details: StillBlockedDetails }
  | { kind: 'not_editable'; status: OrderStatus }
  | { kind: 'saved_not_validated'; version: number }
  | { kind: 'not_found' }
  | { kind: 'signed_out' }
  | { kind: 'network' }
  /** Any other answer: said from its code in the merchant's language when generic (useApiErrorText). */
  | { kind: 'failed'; error: Error }

export function SaveProblem({ problem, reference, ref }: { problem: Problem | null; reference: string; ref: Ref<HTMLDivElement> }) {
  const t = useTranslations('errors')
  const errorText = useApiErrorText()
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="focus:outline-none empty:hidden">
      {problem ? (
        <div className={problem.kind === 'still_blocked' ? 'rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-950 ring-1 ring-amber-300 ring-inset' : 'rounded-md bg-red-50 px-3 py-2.5 text-sm text-red-900 ring-1 ring-red-200 ring-inset'}>
          <p className="font-medium">{message(t, problem, errorText)}</p>
          {problem.kind === 'not_editable' ? (
            <Link href={`/orders/${reference}`} className="mt-1 inline-block font-medium underline underline-offset-2">
              {t('form.orderLink')}
            </Link>
          ) : null}
          {problem.kind === 'signed_out' ? (
            <a href={`/login?next=${encodeURIComponent(`/errors/${reference}`)}`} className="mt-1 inline-block font-medium underline underline-offset-2">
              {t('form.signInAgain')}
            </a>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

function message(t: ReturnType<typeof useTranslations<'errors'>>, p: Problem, errorText: (err: Error) => string): string {
  switch (p.kind) {
    case 'still_blocked':
      return t('form.stillBlocked')
    case 'not_editable':
      return t('form.notEditable', { status: t(`status.${p.status}`) })
    case 'saved_not_validated':
      return t('form.savedNotValidated')
    case 'not_found':
      return t('form.notFound')
    case 'signed_out':
      return t('form.sessionEnded')
    case 'network':
      return t('form.network')
    case 'failed':
      return t('form.failed', { message: errorText(p.error) })
  }
}
