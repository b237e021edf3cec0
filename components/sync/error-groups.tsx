'use client'
// The errors grouped by cause ("14 orders: SKU ABC-1 not found on Back Market"), each with its
// bulk actions on the issues still open: re-sync them all, or dismiss them all with one reason.
import { useRouter } from 'next/navigation'
import { useFormatter, useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { PermissionNote, useActionPermission } from '@/components/auth/permission-note'
import { Button } from '@/components/ui/button'
import { useRequestBulkResync, type BulkResult } from './api/request-bulk-resync'
import type { ErrorGroup } from './connection-errors'
import { DismissForm } from './dismiss-form'
import { attemptMessage } from './failure-message'
import { formatWhen } from './format-time'
import { refusalText } from './refusal-text'
import { useApiErrorText } from './use-api-error-text'

export function ErrorGroups({ groups }: { groups: ErrorGroup[] }) {
  const t = useTranslations('connection.groups')
  return (
    <section aria-labelledby="error-groups-title" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <h2 id="error-groups-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900 sm:px-5">
        {t('title')}
      </h2>
      <ul className="divide-y divide-slate-200">
        {groups.map((g) => (
          <GroupRow key={g.key} group={g} />
        ))}
      </ul>
    </section>
  )
}

function GroupRow({ group: g }: { group: ErrorGroup }) {
  const t = useTranslations('connection.groups')
  const tAction = useTranslations('connection.actions')
  const tFailure = useTranslations('connection.failures')
  const format = useFormatter()
  const label = t(g.cause, { orders: g.references.length, errors: g.failures, sku: g.sku ?? '—', action: tAction(g.action), message: attemptMessage(g.message, tFailure) })
  const ids = g.activeIssueIds
  return (
    <li className="flex flex-col gap-3 px-4 py-3 sm:px-5 lg:flex-row lg:items-start lg:justify-between">
      <div className="min-w-0">
        <p className="font-medium break-words text-slate-900">
          {label}
        </p>
        <p className="text-xs text-slate-600">
          {t('latest', { at: formatWhen(format, g.latestAt) })} · {t('activeIssues', { count: ids.length })}
        </p>
      </div>
      {/* Kept once nothing is left open, so the outcome of the last bulk action stays readable. */}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-start lg:justify-end">
        <BulkResync issueIds={ids} />
        <DismissForm issueIds={ids} openLabel={t('dismissAll', { count: ids.length })} canDismiss={ids.length > 0} />
      </div>
    </li>
  )
}

function BulkResync({ issueIds }: { issueIds: string[] }) {
  const t = useTranslations('connection.groups')
  const tRefusal = useTranslations('connection.refusals')
  const errorText = useApiErrorText()
  const router = useRouter()
  const noteId = useId()
  const gate = useActionPermission('operate', 'resync')
  const [results, setResults] = useState<BulkResult[] | null>(null)
  const resync = useRequestBulkResync({
    onSuccess: ({ results }) => {
      setResults(results)
      router.refresh()
    },
  })
  const refused = results?.filter((r) => r.error !== null) ?? []
  return (
    <div className="min-w-0 space-y-1">
      {issueIds.length > 0 ? (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => gate.allowed && resync.mutate(issueIds)}
          disabled={resync.isPending}
          aria-disabled={!gate.allowed || undefined}
          aria-describedby={gate.allowed ? undefined : noteId}
        >
          {resync.isPending ? t('resyncing') : t('resyncAll', { count: issueIds.length })}
        </Button>
      ) : null}
      {issueIds.length > 0 ? <PermissionNote id={noteId} gate={gate} /> : null}
      <div role="status" className="text-sm text-slate-700">
        {resync.error ? <p className="text-red-800">{t('resyncFailed', { message: errorText(resync.error) })}</p> : null}
        {results ? <p>{t('resyncStarted', { count: results.length - refused.length })}</p> : null}
        {refused.length > 0 ? (
          <ul className="list-disc pl-5 text-red-800">
            {refused.map((r) => (
              <li key={`${r.reference ?? r.sku}`}>{t('resyncRefused', { target: r.reference ?? r.sku ?? '—', reason: refusalText(r.refusal, r.error ?? '', tRefusal) })}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  )
}
