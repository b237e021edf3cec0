// What the Audit page and its CSV export filter on, parsed once (zod) for the page's query string
// and both routes. Dates are days in the reader's zone: "from 3 Dec" starts at their midnight.
import { z } from 'zod'
import { AUDIT_ACTIONS } from './actions'
import { zonedMidnight } from './zoned-day'

export const AUDIT_ACTOR_KINDS = ['USER', 'STAFF', 'API_KEY', 'WORKER', 'SYSTEM'] as const

/** Catalogue groups: the part of an action before its dot (order, webhook, user…). */
export const AUDIT_GROUPS = [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!))]

export const AUDIT_PAGE_SIZE = 50

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day as YYYY-MM-DD').refine((s) => { const t = Date.parse(`${s}T00:00:00Z`); return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s) && s >= '1970' }, 'Not a day')
const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v)

export const AuditFilterSchema = z
  .object({
    /** `kind:API_KEY` (every key), `id:<user or key id>` (one actor). */
    who: z.preprocess(blankIsAbsent, z.union([z.enum(AUDIT_ACTOR_KINDS.map((k) => `kind:${k}` as const)), z.string().regex(/^id:[\w.:@-]{1,100}$/, 'Not an actor')]).optional()),
    /** One action of the catalogue, or `<group>.*` for all of a group. */
    action: z.preprocess(blankIsAbsent, z.union([z.enum(AUDIT_ACTIONS), z.enum(AUDIT_GROUPS.map((g) => `${g}.*` as const))]).optional()),
    reference: z.preprocess(blankIsAbsent, z.string().trim().max(32, 'At most 32 characters').optional()),
    from: z.preprocess(blankIsAbsent, day.optional()),
    to: z.preprocess(blankIsAbsent, day.optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'The end is before the start', path: ['to'] })

export type AuditFilter = z.output<typeof AuditFilterSchema>

/** The filter as a WHERE on AuditEvent, always inside one merchant. */
export function auditWhere(merchantId: string, filter: AuditFilter, timeZone: string) {
  const who = filter.who?.startsWith('kind:')
    ? { actorKind: filter.who.slice(5) as (typeof AUDIT_ACTOR_KINDS)[number] }
    : filter.who
      ? { actorId: filter.who.slice(3) }
      : {}
  const action = filter.action?.endsWith('.*') ? { action: { startsWith: filter.action.slice(0, -1) } } : filter.action ? { action: filter.action } : {}
  const at = {
    ...(filter.from ? { gte: zonedMidnight(filter.from, timeZone) } : {}),
    ...(filter.to ? { lt: zonedMidnight(filter.to, timeZone, 1) } : {}),
  }
  return {
    merchantId,
    ...who,
    ...action,
    ...(filter.reference ? { orderReference: filter.reference } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  }
}
