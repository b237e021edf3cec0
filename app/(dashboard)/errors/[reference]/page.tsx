import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { toFormValues } from '@/components/errors/address-form-values'
import { AddressFixForm } from '@/components/errors/address-fix-form'
import { DeadlinePanel } from '@/components/errors/deadline-panel'
import { parseFormAddress } from '@/components/errors/parse-form-address'
import { checkAddress } from '@/lib/addresses/check-address'
import { requireUser } from '@/lib/auth/require-user'
import { AppError } from '@/lib/errors'
import { REJECTABLE_STATUSES } from '@/lib/orders/address-blocked'
import { deadlinesForOrders } from '@/lib/orders/deadlines-for-orders'
import { getOrderByReferenceOrThrow } from '@/lib/orders/get-order-by-reference'

type Props = { params: Promise<{ reference: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ reference }, t] = await Promise.all([params, getTranslations('errors.form')])
  return { title: t('metaTitle', { reference }) }
}

export default async function FixAddressPage({ params }: Props) {
  const [user, { reference }, t] = await Promise.all([requireUser(), params, getTranslations('errors')])
  const [order, deadlines] = await Promise.all([
    getOrderByReferenceOrThrow({ merchantId: user.merchantId, reference }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') notFound()
      throw err
    }),
    deadlinesForOrders({ merchantId: user.merchantId, references: [reference] }),
  ])
  const orderDeadlines = deadlines.get(order.reference)
  // A carrier's refusal makes a prepared order wait for a new address too (lib/orders/address-blocked.ts).
  const rejection = order.carrierRejection && REJECTABLE_STATUSES.includes(order.status) ? order.carrierRejection : null
  // Parsed and checked here so the form's first JavaScript carries no schema and no carrier rules
  // (it loads them on the first edit).
  const currentParsed = parseFormAddress(toFormValues(order.addresses.current))

  return (
    <div className="space-y-6">
      <div>
        <Link href="/errors" className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">
          {t('form.back')}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold break-words text-slate-900">{t('form.title', { reference: order.reference })}</h1>
        <Link href={`/orders/${order.reference}`} className="mt-1 inline-block text-sm text-indigo-700 underline underline-offset-2">
          {t('form.orderLink')}
        </Link>
      </div>

      {order.status === 'CREATED' || rejection ? (
        <AddressFixForm
          reference={order.reference}
          version={order.version}
          original={order.addresses.original}
          current={order.addresses.current}
          currentParsed={currentParsed}
          currentIssues={checkAddress(currentParsed.address).issues}
          carrierRejection={rejection}
          validates={order.status === 'CREATED'}
          aside={orderDeadlines ? <DeadlinePanel deadlines={orderDeadlines} /> : null}
        />
      ) : (
        <p role="status" className="rounded-lg bg-white px-5 py-6 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
          {t('form.notCreated', { status: t(`status.${order.status}`) })}
        </p>
      )}
    </div>
  )
}
