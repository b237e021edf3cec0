// One page of the audit: when (the reader's zone, with its short name), who and from where, what
// (in the reader's language), the order it concerns, and the readable before → after.
import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatWhenToSecond } from '@/components/sync/format-time'
import { Badge } from '@/components/ui/badge'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import { AUDIT_ACTIONS } from '@/lib/audit/actions'
import type { AuditEventView } from '@/lib/audit/audit-event-view'
import { AuditDiff } from './audit-diff'

const KNOWN = new Set<string>(AUDIT_ACTIONS)

export async function AuditTable({ events }: { events: AuditEventView[] }) {
  const [t, ta, tb, format] = await Promise.all([getTranslations('audit.page'), getTranslations('audit.actions'), getTranslations('audit.kindBadge'), getFormatter()])
  if (events.length === 0) return <p className="rounded-lg bg-white px-4 py-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">{t('empty')}</p>
  return (
    <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <Table label={t('tableLabel')}>
        <THead>
          <Tr>
            <Th>{t('colWhen')}</Th>
            <Th>{t('colWho')}</Th>
            <Th>{t('colWhat')}</Th>
            <Th>{t('colOrder')}</Th>
            <Th>{t('colChange')}</Th>
          </Tr>
        </THead>
        <TBody>
          {events.map((e) => (
            <Tr key={e.id}>
              <Td className="whitespace-nowrap">
                <time dateTime={e.at}>{formatWhenToSecond(format, e.at)}</time>
              </Td>
              <Td className="min-w-48">
                <div className="font-medium wrap-anywhere">{e.actorName}</div>
                <div className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <Badge tone={e.actorKind === 'STAFF' ? 'warning' : 'neutral'}>{tb(e.actorKind)}</Badge>
                  {e.ipAddress ? <span>{t('from_where', { ip: e.ipAddress })}</span> : null}
                </div>
              </Td>
              <Td className="min-w-40">{KNOWN.has(e.action) ? ta(e.action.replace('.', '_')) : e.action}</Td>
              <Td className="whitespace-nowrap">
                {e.orderReference ? (
                  <Link href={`/orders/${encodeURIComponent(e.orderReference)}`} className="font-mono text-indigo-700 underline-offset-2 hover:underline">
                    {e.orderReference}
                  </Link>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </Td>
              <Td className="min-w-56 max-w-md">
                <AuditDiff before={e.before} after={e.after} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  )
}
