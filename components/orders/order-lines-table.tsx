// The products of an order: our warehouse SKU beside Back Market's (the orderline `listing`).
// They start equal; a rename on our side makes Back Market refuse our updates for that line,
// so a mismatch is highlighted here, where the merchant looks.
import { formatMoney } from '@/components/orders/format'
import { BmLineStateBadge } from '@/components/orders/order-status-badge'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table'
import type { OrderLineView } from '@/lib/orders/get-order-by-reference'

export function OrderLinesTable({ lines, currency }: { lines: OrderLineView[]; currency: string | null }) {
  const mismatches = lines.filter((l) => l.sku !== l.listing).length
  return (
    <Card aria-labelledby="lines-title">
      <CardHeader
        title="Products"
        titleId="lines-title"
        description={mismatches ? `${mismatches} of ${lines.length} with a SKU that differs from Back Market's` : `${lines.length} ${lines.length === 1 ? 'line' : 'lines'}`}
      />
      <Table label="Products">
        <THead>
          <Tr>
            <Th>Product</Th>
            <Th>Our SKU</Th>
            <Th>Back Market SKU</Th>
            <Th className="text-right">Qty</Th>
            <Th className="hidden text-right sm:table-cell">Price</Th>
            <Th>State (last sync)</Th>
          </Tr>
        </THead>
        <TBody>
          {lines.map((l) => {
            const differs = l.sku !== l.listing
            return (
              <Tr key={l.bmOrderlineId}>
                <Td className="min-w-48">
                  <span className="block font-medium text-slate-900">{l.productTitle}</span>
                  <span className="block text-xs text-slate-500">Orderline {l.bmOrderlineId}</span>
                </Td>
                <Td className={cn('font-mono text-xs break-all', differs && 'bg-amber-50')}>
                  {l.sku}
                  {differs ? (
                    <Badge tone="warning" className="mt-1 block w-fit font-sans">
                      Differs
                    </Badge>
                  ) : null}
                </Td>
                <Td className={cn('font-mono text-xs break-all', differs && 'bg-amber-50')}>{l.listing}</Td>
                <Td className="text-right tabular-nums">{l.quantity}</Td>
                <Td className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{formatMoney(l.price, currency)}</Td>
                <Td>
                  <BmLineStateBadge state={l.bmState} />
                </Td>
              </Tr>
            )
          })}
        </TBody>
      </Table>
    </Card>
  )
}
