// Where the parcel goes (our CURRENT address) and, when it has been edited, what Back Market sent
// (ORIGINAL) beside it, with the edited fields marked in both.
import { getTranslations } from 'next-intl/server'
import { Fragment, type ReactNode } from 'react'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import type { AddressField } from '@/lib/addresses/address-schema'
import { diffAddresses } from '@/lib/orders/diff-addresses'
import type { OrderAddressView } from '@/lib/orders/get-order-by-reference'

type Texts = { none: string; empty: string; changed: string }

export async function OrderAddressesCard({ original, current }: { original: OrderAddressView | null; current: OrderAddressView | null }) {
  const t = await getTranslations('orders.order.addresses')
  const changed = diffAddresses(original, current)
  const edited = changed.length > 0
  const texts: Texts = { none: t('none'), empty: t('empty'), changed: t('changed') }
  return (
    <Card aria-labelledby="addresses-title">
      <CardHeader
        title={t('title')}
        titleId="addresses-title"
        description={edited ? t('edited', { fields: changed.map((f) => t(`fields.${f}`)).join(', ') }) : t('asReceived')}
      />
      <CardBody className={cn('grid gap-6', edited && 'sm:grid-cols-2')}>
        <AddressBlock heading={edited ? t('weShipTo') : undefined} address={current} other={edited ? original : null} changed={changed} texts={texts} />
        {edited ? <AddressBlock heading={t('original')} address={original} other={current} changed={changed} texts={texts} muted /> : null}
      </CardBody>
    </Card>
  )
}

// Address lines as printed on a label. A line empty on both sides is left out; one empty on a
// single side stays, so the two columns line up field by field.
const LINES: AddressField[][] = [['company'], ['firstName', 'lastName'], ['street'], ['street2'], ['postalCode', 'city'], ['country'], ['phone'], ['email']]

function AddressBlock(props: { heading?: string; address: OrderAddressView | null; other: OrderAddressView | null; changed: AddressField[]; texts: Texts; muted?: boolean }) {
  const { heading, address, other, changed, texts, muted } = props
  if (!address) return <p className="text-sm text-slate-600">{texts.none}</p>
  const present = (fields: AddressField[]) => fields.some((f) => address[f] || other?.[f])
  return (
    <div>
      {heading ? <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">{heading}</h3> : null}
      <address className={cn('space-y-0.5 text-sm not-italic', muted ? 'text-slate-600' : 'text-slate-900')}>
        {LINES.filter(present).map((fields) => (
          <Line key={fields.join('-')} className={fields[0] === 'phone' ? 'pt-2' : undefined}>
            {fields.map((f, i) => (
              <Fragment key={f}>
                {i > 0 ? ' ' : null}
                <Field value={address[f]} changed={changed.includes(f)} texts={texts} />
              </Fragment>
            ))}
          </Line>
        ))}
      </address>
    </div>
  )
}

function Line({ children, className }: { children: ReactNode; className?: string }) {
  return <span className={cn('block min-h-5 break-words', className)}>{children}</span>
}

function Field({ value, changed, texts }: { value: string | null; changed: boolean; texts: Texts }) {
  if (!changed) return <>{value}</>
  // Colour alone is not enough: the "(changed)" text is read out, and the underline shows in print.
  return (
    <mark className="rounded-sm bg-amber-100 px-0.5 text-inherit underline decoration-amber-600 decoration-2 underline-offset-2">
      {value || <em className="text-slate-600">{texts.empty}</em>}
      <span className="sr-only"> {texts.changed}</span>
    </mark>
  )
}
