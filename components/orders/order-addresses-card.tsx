// Where the parcel goes (our CURRENT address) and, when it has been edited, what Back Market sent
// (ORIGINAL) beside it, with the edited fields marked in both.
import type { ReactNode } from 'react'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { diffAddresses, type AddressField } from '@/lib/orders/diff-addresses'
import type { OrderAddressView } from '@/lib/orders/get-order-by-reference'

const FIELD_NAMES: Record<AddressField, string> = {
  company: 'company',
  firstName: 'first name',
  lastName: 'last name',
  street: 'street',
  street2: 'street line 2',
  postalCode: 'postal code',
  city: 'city',
  country: 'country',
  phone: 'phone',
  email: 'email',
}

export function OrderAddressesCard({ original, current }: { original: OrderAddressView | null; current: OrderAddressView | null }) {
  const changed = diffAddresses(original, current)
  const edited = changed.length > 0
  return (
    <Card aria-labelledby="addresses-title">
      <CardHeader
        title="Shipping address"
        titleId="addresses-title"
        description={edited ? `Edited since import: ${changed.map((f) => FIELD_NAMES[f]).join(', ')}` : 'As received from Back Market'}
      />
      <CardBody className={cn('grid gap-6', edited && 'sm:grid-cols-2')}>
        <AddressBlock heading={edited ? 'We ship to' : undefined} address={current} changed={changed} />
        {edited ? <AddressBlock heading="Original from Back Market" address={original} changed={changed} muted /> : null}
      </CardBody>
    </Card>
  )
}

function AddressBlock({ heading, address, changed, muted }: { heading?: string; address: OrderAddressView | null; changed: AddressField[]; muted?: boolean }) {
  if (!address) return <p className="text-sm text-slate-600">No address recorded.</p>
  const f = (field: AddressField) => <Field value={address[field]} changed={changed.includes(field)} />
  return (
    <div>
      {heading ? <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">{heading}</h3> : null}
      <address className={cn('space-y-0.5 text-sm not-italic', muted ? 'text-slate-600' : 'text-slate-900')}>
        <Line>{f('company')}</Line>
        <Line>
          {f('firstName')} {f('lastName')}
        </Line>
        <Line>{f('street')}</Line>
        <Line>{f('street2')}</Line>
        <Line>
          {f('postalCode')} {f('city')}
        </Line>
        <Line>{f('country')}</Line>
        <Line className="pt-2">{f('phone')}</Line>
        <Line>{f('email')}</Line>
      </address>
    </div>
  )
}

function Line({ children, className }: { children: ReactNode; className?: string }) {
  return <span className={cn('block min-h-5 break-words', className)}>{children}</span>
}

function Field({ value, changed }: { value: string | null; changed: boolean }) {
  if (!changed) return <>{value}</>
  // Colour alone is not enough: the "(changed)" text is read out, and the underline shows in print.
  return (
    <mark className="rounded-sm bg-amber-100 px-0.5 text-inherit underline decoration-amber-600 decoration-2 underline-offset-2">
      {value || <em className="text-slate-500">(empty)</em>}
      <span className="sr-only"> (changed)</span>
    </mark>
  )
}
