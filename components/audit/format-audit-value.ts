// An audit value as a person reads it, in their language: field names as labels, roles, markets,
// languages, operations and sync-issue causes by their names, instants on the reader's clock with
// the zone's short name, yes/no for booleans, a token's ending as "…ab12", and a nested object as
// one "label: value" line per key. The row keeps the raw values (the CSV exports them as JSON);
// anything not known here shows as it was recorded, never dropped.
import type { Formatter } from '@/components/sync/format-time'
import { formatWhenWithYear } from '@/components/sync/format-time'
import { LOCALE_NAMES } from '@/lib/i18n/locales'

/** A translator over every namespace (useTranslations() / getTranslations() without one). */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean }

export type AuditValueContext = { t: Translate; format: Formatter }

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/** SyncIssueKind → the connection page's cause (connection.causes.*). */
const ISSUE_CAUSES: Record<string, string> = { STATUS_ERROR: 'status_error', CREDENTIALS: 'credentials', CONNECTION: 'connection', VALIDATION: 'refused', INTERNAL: 'internal' }

/** The field's label: the audit's own, else the address form's, else its key. */
export function auditFieldLabel(c: AuditValueContext, field: string): string {
  for (const key of [`audit.fields.${field}`, `errors.fields.${field}`]) if (c.t.has(key)) return c.t(key)
  return field
}

/**
 * One value as lines: a scalar or a list is one line, an object one "label: value" line per key.
 * `record` is the object the value sits in (a not-found issue names its SKU when it has one).
 */
export function formatAuditValue(c: AuditValueContext, field: string, value: unknown, record?: Record<string, unknown> | null): string[] {
  if (value === null || value === undefined) return []
  if (Array.isArray(value)) return [value.map((v) => formatAuditValue(c, field, v).join('; ')).join(', ')]
  if (typeof value === 'object') {
    const inner = value as Record<string, unknown>
    return Object.entries(inner)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${c.t('audit.diff.field', { field: auditFieldLabel(c, k) })} ${formatAuditValue(c, k, v, inner).join('; ')}`)
  }
  if (typeof value === 'boolean') return [c.t(value ? 'audit.diff.yes' : 'audit.diff.no')]
  if (typeof value !== 'string') return [String(value)]
  return [formatText(c, field, value, record)]
}

function formatText(c: AuditValueContext, field: string, v: string, record?: Record<string, unknown> | null): string {
  const named = (key: string) => (c.t.has(key) ? c.t(key) : v)
  switch (field) {
    case 'role':
      return named(`people.roles.${v}`)
    case 'status':
      return named(`people.status.${v}`)
    case 'markets':
      return named(`bmConnection.markets.${v}`)
    case 'operation':
      return named(`audit.operations.${v}`)
    case 'locale':
      return v in LOCALE_NAMES ? LOCALE_NAMES[v as keyof typeof LOCALE_NAMES] : v
    case 'ending':
      return c.t('audit.diff.ending', { ending: v })
    case 'kind':
      if (v === 'NOT_FOUND') return typeof record?.sku === 'string' ? c.t('connection.causes.sku_not_found.title', { sku: record.sku }) : c.t('connection.causes.order_not_found.title')
      if (ISSUE_CAUSES[v]) return c.t(`connection.causes.${ISSUE_CAUSES[v]}.title`)
      return v
  }
  if (ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return formatWhenWithYear(c.format, v)
  return v
}
