// Search by reference and filter by status. A GET form: the URL is the state, so every view of
// the list can be bookmarked and shared, and the form works before JavaScript loads.
import Form from 'next/form'
import Link from 'next/link'
import { Button, buttonClasses } from '@/components/ui/button'
import { FieldError, Input, Label, Select } from '@/components/ui/input'
import { DEFAULT_PAGE_SIZE } from '@/lib/orders/list-orders-query'
import { ORDER_STATUSES, ORDER_STATUS_LABELS } from '@/lib/orders/order-states'

export type SearchFormValues = { q?: string; status?: string; pageSize?: number }

export function OrdersSearchForm({ values, errors }: { values: SearchFormValues; errors?: { q?: string[]; status?: string[] } }) {
  const filtered = Boolean(values.q || values.status)
  return (
    <Form action="/orders" role="search" aria-label="Orders" className="flex flex-col gap-x-3 gap-y-1 sm:flex-row sm:items-start">
      <div className="sm:w-72">
        <Label htmlFor="orders-q">Order number</Label>
        <Input
          id="orders-q"
          name="q"
          type="search"
          inputMode="numeric"
          autoComplete="off"
          placeholder="e.g. 40123456 or 4012"
          defaultValue={values.q}
          aria-invalid={errors?.q ? true : undefined}
          aria-describedby="orders-q-hint orders-q-error"
          className="mt-1.5"
        />
        <p id="orders-q-hint" className="sr-only">
          Exact order number, or its first digits
        </p>
        <FieldError id="orders-q-error" errors={errors?.q} />
      </div>
      <div className="sm:w-52">
        <Label htmlFor="orders-status">Status</Label>
        <Select
          id="orders-status"
          name="status"
          defaultValue={values.status ?? ''}
          aria-invalid={errors?.status ? true : undefined}
          aria-describedby="orders-status-error"
          className="mt-1.5"
        >
          <option value="">All statuses</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ORDER_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        <FieldError id="orders-status-error" errors={errors?.status} />
      </div>
      {values.pageSize && values.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="pageSize" value={values.pageSize} /> : null}
      <div className="flex gap-2 sm:mt-7">
        <Button type="submit">Search</Button>
        {filtered ? (
          <Link href="/orders" className={buttonClasses({ variant: 'ghost' })}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  )
}
