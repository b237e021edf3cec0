// What the Audit page and its CSV export filter on, parsed once (zod) for the page's query string
// and both routes. Dates are days in the reader's zone: "from 3 Dec" starts at their midnight.
import { z } from 'zod'
import { isControlCharacterIssue } from '@/lib/input/control-characters'
import { plainText } from '@/lib/input/plain-text'
import { AUDIT_ACTIONS } from './actions'
import { addDays, startOfLocalDay } from '@/lib/i18n/local-day'

export const AUDIT_ACTOR_KINDS = ['USER', 'STAFF', 'API_KEY', 'WORKER', 'SYSTEM'] as const

/** Catalogue groups: the part of an action before its dot (order, webhook, user…). */
export const AUDIT_GROUPS = [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!))]

export const AUDIT_PAGE_SIZE = 50

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day as YYYY-MM-DD').refine((s) => { const t = Date.parse(`${s}T00:00:00Z`); return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s) && s >= '1970' }, 'Not a day')
const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v)

const END_BEFORE_START = 'The end is before the start'

export const AuditFilterSchema = z
  .object({
    /** `kind:API_KEY` (every key), `id:<user or key id>` (one actor). */
    who: z.preprocess(blankIsAbsent, z.union([z.enum(AUDIT_ACTOR_KINDS.map((k) => `kind:${k}` as const)), z.string().regex(/^id:[\w.:@-]{1,100}$/, 'Not an actor')]).optional()),
    /** One action of the catalogue, or `<group>.*` for all of a group. */
    action: z.preprocess(blankIsAbsent, z.union([z.enum(AUDIT_ACTIONS), z.enum(AUDIT_GROUPS.map((g) => `${g}.*` as const))]).optional()),
    // plainText: a NUL reached PostgreSQL as error 22021 (a 500 in the export).
    reference: z.preprocess(blankIsAbsent, plainText().trim().max(32, 'At most 32 characters').optional()),
    from: z.preprocess(blankIsAbsent, day.optional()),
    to: z.preprocess(blankIsAbsent, day.optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: END_BEFORE_START, path: ['to'] })

export type AuditFilter = z.output<typeof AuditFilterSchema>

/** The catalogue's actions of one group ('webhook' → webhook.endpoint_created, …). */
export function actionsOfGroup(group: string): string[] {
  return AUDIT_ACTIONS.filter((a) => a.startsWith(`${group}.`))
}

/** The filter as a WHERE on AuditEvent, always inside one merchant. */
export function auditWhere(merchantId: string, filter: AuditFilter, timeZone: string) {
  const who = filter.who?.startsWith('kind:')
    ? { actorKind: filter.who.slice(5) as (typeof AUDIT_ACTOR_KINDS)[number] }
    : filter.who
      ? { actorId: filter.who.slice(3) }
      : {}
  // A group is its actions listed (IN), not a prefix (LIKE): each one walks the
  // (merchantId, action, at) index, where a LIKE read every row of the merchant.
  const action = filter.action?.endsWith('.*') ? { action: { in: actionsOfGroup(filter.action.slice(0, -2)) } } : filter.action ? { action: filter.action } : {}
  const at = {
    ...(filter.from ? { gte: startOfLocalDay(filter.from, timeZone) } : {}),
    ...(filter.to ? { lt: startOfLocalDay(addDays(filter.to, 1), timeZone) } : {}),
  }
  return {
    merchantId,
    ...who,
    ...action,
    ...(filter.reference ? { orderReference: filter.reference } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  }
}

export type AuditFilterField = 'who' | 'action' | 'reference' | 'from' | 'to'
/** Keys of audit.page.filterErrors: what the page says under the field. */
export type AuditFilterErrorCode = 'who' | 'action' | 'referenceControl' | 'referenceLong' | 'day' | 'endBeforeStart'

/** The first problem of each field, as a code the page translates (the zod messages are the API's, in English). */
export function auditFilterErrors(error: z.ZodError): Partial<Record<AuditFilterField, AuditFilterErrorCode>> {
  const out: Partial<Record<AuditFilterField, AuditFilterErrorCode>> = {}
  for (const issue of error.issues) {
    const field = issue.path[0] as AuditFilterField
    if (out[field]) continue
    if (field === 'reference') out.reference = isControlCharacterIssue(issue) ? 'referenceControl' : 'referenceLong'
    else if (field === 'to' && issue.message === END_BEFORE_START) out.to = 'endBeforeStart'
    else if (field === 'from' || field === 'to') out[field] = 'day'
    else if (field === 'who' || field === 'action') out[field] = field
  }
  return out
}
