// Search by reference and filter by status. A GET form: the URL is the state, so every view of
// the list can be bookmarked and shared, and the form works before JavaScript loads.
import Form from 'next/form'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { stateLabels } from '@/components/orders/state-labels'
import { Button, buttonClasses } from '@/components/ui/button'
import { FieldError, Input, Label, Select } from '@/components/ui/input'
import { DEFAULT_PAGE_SIZE } from '@/lib/orders/list-orders-query'
import { ORDER_STATUSES } from '@/lib/orders/order-states'

export type SearchFormValues = { q?: string; status?: string; pageSize?: number }

export async function OrdersSearchForm({ values, errors }: { values: SearchFormValues; errors?: { q?: string[]; status?: string[] } }) {
  const [t, states] = await Promise.all([getTranslations('orders.search'), getTranslations('orders.states')])
  const labels = stateLabels(states)
  const filtered = Boolean(values.q || values.status)
  return (
    <Form action="/orders" role="search" aria-label={t('label')} className="flex flex-col gap-x-3 gap-y-1 sm:flex-row sm:items-start">
      <div className="sm:w-72">
        <Label htmlFor="orders-q">{t('reference')}</Label>
        <Input
          id="orders-q"
          name="q"
          type="search"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('placeholder')}
          defaultValue={values.q}
          aria-invalid={errors?.q ? true : undefined}
          aria-describedby="orders-q-hint orders-q-error"
          className="mt-1.5"
        />
        <p id="orders-q-hint" className="sr-only">
          {t('hint')}
        </p>
        <FieldError id="orders-q-error" errors={errors?.q} />
      </div>
      <div className="sm:w-52">
        <Label htmlFor="orders-status">{t('status')}</Label>
        <Select
          id="orders-status"
          name="status"
          defaultValue={values.status ?? ''}
          aria-invalid={errors?.status ? true : undefined}
          aria-describedby="orders-status-error"
          className="mt-1.5"
        >
          <option value="">{t('allStatuses')}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.orderStatus(s)}
            </option>
          ))}
        </Select>
        <FieldError id="orders-status-error" errors={errors?.status} />
      </div>
      {values.pageSize && values.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="pageSize" value={values.pageSize} /> : null}
      <div className="flex gap-2 sm:mt-7">
        <Button type="submit">{t('submit')}</Button>
        {filtered ? (
          <Link href="/orders" className={buttonClasses({ variant: 'ghost' })}>
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  )
}
