// Before → after of one audit row, one line per changed field (lib/audit/describe-change.ts).
import { getTranslations } from 'next-intl/server'
import { describeChange } from '@/lib/audit/describe-change'

export async function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = await getTranslations('audit.diff')
  const changes = describeChange(before, after)
  if (changes.length === 0) return <span className="text-slate-500">{t('none')}</span>
  const side = (v: string | null, missing: string) => (v === null ? <span className="text-slate-500 italic">{missing}</span> : v === '' ? <span className="text-slate-500 italic">{t('empty')}</span> : v)
  return (
    <dl className="space-y-1 text-xs">
      {changes.map((c) => (
        <div key={c.field} className="break-words">
          {c.field ? <dt className="inline font-medium text-slate-700">{c.field}: </dt> : null}
          <dd className="inline text-slate-800">
            {before === null || before === undefined ? null : <>{side(c.before, t('added'))} <span aria-hidden="true">→</span><span className="sr-only">→</span> </>}
            {side(c.after, t('removed'))}
          </dd>
        </div>
      ))}
    </dl>
  )
}
