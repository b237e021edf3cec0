// The Audit page's filters: a plain GET form (the query string is the state, so a filtered view
// can be bookmarked or shared and works without JavaScript). The export link carries the same query.
// Not async (next-intl's hooks work in a server component), so a test renders it as the page does.
import { useTranslations } from 'next-intl'
import { buttonClasses } from '@/components/ui/button'
import { Input, Label, Select } from '@/components/ui/input'
import { AUDIT_ACTIONS } from '@/lib/audit/actions'
import { AUDIT_ACTOR_KINDS, AUDIT_GROUPS, type AuditFilterErrorCode, type AuditFilterField } from '@/lib/audit/audit-filters'
import type { AuditActorOption } from '@/lib/audit/list-audit-actors'

export type AuditFilterValues = { who?: string; action?: string; reference?: string; from?: string; to?: string }

type Errors = Partial<Record<AuditFilterField, AuditFilterErrorCode>>

export function AuditFiltersForm({ values, actors, exportHref, errors = {} }: { values: AuditFilterValues; actors: AuditActorOption[]; exportHref: string; errors?: Errors }) {
  const [t, tk, tg, ta] = [useTranslations('audit.page'), useTranslations('audit.kinds'), useTranslations('audit.groups'), useTranslations('audit.actions')]
  // A refused filter is said under its field, which points at it (the page reloads with the query: no live region needed).
  const invalid = (field: AuditFilterField) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `audit-${field}-error` } : {})
  const error = (field: AuditFilterField) =>
    errors[field] ? (
      <p id={`audit-${field}-error`} className="mt-1.5 text-sm text-red-700">
        {t(`filterErrors.${errors[field]}`)}
      </p>
    ) : null
  return (
    <form method="get" action="/audit" aria-labelledby="audit-filters-title" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <h2 id="audit-filters-title" className="sr-only">
        {t('filtersTitle')}
      </h2>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <div>
          <Label htmlFor="audit-who">{t('who')}</Label>
          <Select id="audit-who" name="who" defaultValue={values.who ?? ''} className="mt-1" {...invalid('who')}>
            <option value="">{t('whoAny')}</option>
            <optgroup label={t('whoKinds')}>
              {AUDIT_ACTOR_KINDS.map((k) => (
                <option key={k} value={`kind:${k}`}>
                  {tk(k)}
                </option>
              ))}
            </optgroup>
            {actors.length > 0 ? (
              <optgroup label={t('whoPeople')}>
                {actors.map((a) => (
                  <option key={a.id} value={`id:${a.id}`}>
                    {a.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
          {error('who')}
        </div>
        <div>
          <Label htmlFor="audit-action">{t('what')}</Label>
          <Select id="audit-action" name="action" defaultValue={values.action ?? ''} className="mt-1" {...invalid('action')}>
            <option value="">{t('whatAny')}</option>
            {AUDIT_GROUPS.map((g) => (
              <optgroup key={g} label={tg(g)}>
                <option value={`${g}.*`}>{t('groupAll', { group: tg(g) })}</option>
                {AUDIT_ACTIONS.filter((a) => a.startsWith(`${g}.`)).map((a) => (
                  <option key={a} value={a}>
                    {ta(a.replace('.', '_'))}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
          {error('action')}
        </div>
        <div>
          <Label htmlFor="audit-reference">{t('reference')}</Label>
          <Input id="audit-reference" name="reference" defaultValue={values.reference ?? ''} inputMode="numeric" maxLength={32} className="mt-1" {...invalid('reference')} />
          {error('reference')}
        </div>
        <div>
          <Label htmlFor="audit-from">{t('from')}</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={values.from ?? ''} className="mt-1" {...invalid('from')} />
          {error('from')}
        </div>
        <div>
          <Label htmlFor="audit-to">{t('to')}</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={values.to ?? ''} className="mt-1" {...invalid('to')} />
          {error('to')}
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClasses()}>
          {t('apply')}
        </button>
        <a href="/audit" className={buttonClasses({ variant: 'ghost' })}>
          {t('reset')}
        </a>
        <a href={exportHref} download className={buttonClasses({ variant: 'secondary' })} aria-describedby="audit-export-hint">
          {t('export')}
        </a>
        <p id="audit-export-hint" className="text-xs text-slate-600">
          {t('exportHint')}
        </p>
      </div>
    </form>
  )
}
