// Before → after of one audit row, one entry per changed field (lib/audit/describe-change.ts),
// in the reader's language (format-audit-value.ts). Not async: next-intl's hooks work in a server
// component, and the same markup renders in a test.
import { useFormatter, useTranslations } from 'next-intl'
import { describeChange } from '@/lib/audit/describe-change'
import { auditFieldLabel, formatAuditValue, type AuditValueContext } from './format-audit-value'

const asRecord = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null)

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations()
  const c: AuditValueContext = { t, format: useFormatter() }
  const changes = describeChange(before, after)
  if (changes.length === 0) return <span className="text-slate-500">{t('audit.diff.none')}</span>

  function side(field: string, value: unknown, record: Record<string, unknown> | null, missing: string) {
    if (value === null || value === undefined) return <span className="text-slate-500 italic">{missing}</span>
    if (value === '') return <span className="text-slate-500 italic">{t('audit.diff.empty')}</span>
    const lines = formatAuditValue(c, field, value, record)
    if (lines.length === 1) return <>{lines[0]}</>
    return (
      <span className="block pl-3">
        {lines.map((line, i) => (
          <span key={i} className="block">
            {line}
          </span>
        ))}
      </span>
    )
  }

  return (
    <dl className="relative space-y-1 text-xs">
      {changes.map((ch) => (
        <div key={ch.field} className="min-w-0 wrap-anywhere">
          {ch.field ? <dt className="inline font-medium text-slate-700">{t('audit.diff.field', { field: auditFieldLabel(c, ch.field) })} </dt> : null}
          <dd className="inline text-slate-800">
            {before === null || before === undefined ? null : (
              <>
                {side(ch.field, ch.before, asRecord(before), t('audit.diff.added'))} →{' '}
              </>
            )}
            {side(ch.field, ch.after, asRecord(after), t('audit.diff.removed'))}
          </dd>
        </div>
      ))}
    </dl>
  )
}
