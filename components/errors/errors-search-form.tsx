// Search blocked orders by reference and choose the order of the list. A GET form: the URL is
// the state (shareable, back/forward work) and it works before JavaScript loads.
import Form from 'next/form'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { Button, buttonClasses } from '@/components/ui/button'
import { FieldError, Input, Label, Select } from '@/components/ui/input'

export function ErrorsSearchForm({ values, qInvalid }: { values: { q?: string; sort?: string }; qInvalid?: boolean }) {
  const t = useTranslations('errors.list')
  return (
    <Form action="/errors" role="search" aria-label={t('search')} className="flex flex-col gap-x-3 gap-y-1 sm:flex-row sm:items-start">
      <div className="sm:w-72">
        <Label htmlFor="errors-q">{t('searchLabel')}</Label>
        <Input
          id="errors-q"
          name="q"
          type="search"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('searchPlaceholder')}
          defaultValue={values.q}
          aria-invalid={qInvalid ? true : undefined}
          aria-describedby="errors-q-hint errors-q-error"
          className="mt-1.5"
        />
        <p id="errors-q-hint" className="sr-only">
          {t('searchHint')}
        </p>
        <FieldError id="errors-q-error" errors={qInvalid ? [t('searchInvalid')] : undefined} />
      </div>
      <div className="sm:w-56">
        <Label htmlFor="errors-sort">{t('sortLabel')}</Label>
        <Select id="errors-sort" name="sort" defaultValue={values.sort === 'newest' ? 'newest' : 'urgency'} className="mt-1.5">
          <option value="urgency">{t('sortUrgency')}</option>
          <option value="newest">{t('sortNewest')}</option>
        </Select>
      </div>
      <div className="flex gap-2 sm:mt-7">
        <Button type="submit">{t('submit')}</Button>
        {values.q ? (
          <Link href="/errors" className={buttonClasses({ variant: 'ghost' })}>
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  )
}
