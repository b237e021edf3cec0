// What one simulator tick looks at for one merchant: a few of the oldest orders in each active
// status and the catalogue. Read without locks; the operations re-check everything when they write.
import 'server-only'
import { ADDRESS_FIELDS, type Address } from '@/lib/addresses/address-schema'
import { db } from '@/lib/db'
import type { OrderStatus } from '@/lib/generated/prisma/client'
import type { SimOrder, SimProduct } from './plan-tick'

const ACTIVE: OrderStatus[] = ['CREATED', 'VALIDATED', 'PICKING', 'PACKED', 'IN_TRANSIT']
const PER_STATUS = 20
/** CREATED orders blocked by their address pile up; look past them to the ones still to check. */
const CREATED_WINDOW = 100
const PRODUCTS = 500

export async function loadSnapshot(merchantId: string): Promise<{ orders: SimOrder[]; products: SimProduct[] }> {
  const [products, ...byStatus] = await Promise.all([
    db.product.findMany({ where: { merchantId }, select: { sku: true, quantity: true }, orderBy: { sku: 'asc' }, take: PRODUCTS }),
    ...ACTIVE.map((status) =>
      db.order.findMany({
        where: { merchantId, status },
        // Never-checked orders first, then oldest; later statuses by when they last moved.
        orderBy:
          status === 'CREATED'
            ? [{ addressCheckedAt: { sort: 'asc', nulls: 'first' } }, { placedAt: { sort: 'asc', nulls: 'last' } }]
            : [{ updatedAt: 'asc' }],
        take: status === 'CREATED' ? CREATED_WINDOW : PER_STATUS,
        select: {
          id: true,
          reference: true,
          status: true,
          version: true,
          placedAt: true,
          updatedAt: true,
          shipper: true,
          addressIssues: true,
          addressCheckedAt: true,
          lines: { select: { id: true, sku: true, listing: true, bmState: true }, orderBy: { bmOrderlineId: 'asc' } },
          addresses: { where: { kind: 'CURRENT' } },
        },
      }),
    ),
  ])
  const orders = byStatus.flat().map(({ addresses, ...o }) => {
    const current = addresses[0]
    const address = current ? (Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, current[f]])) as Address) : null
    return { ...o, address, addressUpdatedAt: current?.updatedAt ?? null }
  })
  return { orders, products }
}
