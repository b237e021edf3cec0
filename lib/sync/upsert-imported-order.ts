// Creates or updates our copy of one Back Market order. Idempotent: importing the same payload
// twice changes nothing; an older payload never overwrites a newer one; two workers importing
// the same new order at once end with one order (the loser of the insert race updates instead).
// Never overwritten: our SKUs, our current address, our tracking data.
// A new order's address gets the warehouse's silent fixes and check at once (checkWithFixes, as
// validating does), so a blocked address reaches the Errors tab without waiting for the warehouse.
import 'server-only'
import { blockingFields, checkWithFixes } from '@/lib/addresses/check-with-fixes'
import { toAddress } from '@/lib/addresses/to-address'
import type { OrderImport } from '@/lib/backmarket/mapper'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import { announceAddressCheck } from '@/lib/webhooks/address-error-webhooks'
import { initialStatus, statusAfterBackMarketChange } from './import-status'
import { trackingAfterImport, type Tracking } from './import-tracking'
import { notifyEventProcessor, wakeParkedEvents } from './warehouse-event-wakeup'

export type UpsertResult = 'created' | 'updated' | 'unchanged'

function orderFields(imp: OrderImport, raw: unknown, seenAt: Date) {
  return {
    countryCode: imp.countryCode,
    currency: imp.currency,
    totalPrice: imp.totalPrice,
    shippingPrice: imp.shippingPrice,
    shipper: imp.shipper,
    trackingNumber: imp.trackingNumber,
    trackingUrl: imp.trackingUrl,
    placedAt: imp.placedAt,
    expectedDispatchAt: imp.expectedDispatchAt,
    bmState: imp.bmState,
    bmDateModification: imp.bmDateModification,
    bmSnapshot: raw as Prisma.InputJsonValue,
    bmSeenAt: seenAt,
  }
}

/**
 * A line as it enters our warehouse. Our SKU is Back Market's, unless the merchant mapped one of
 * our SKUs to it after a rename on our side: then the warehouse sees its own SKU (the mapping is
 * remembered for future orders).
 */
async function newLine(tx: Prisma.TransactionClient, merchantId: string, l: OrderImport['lines'][number]) {
  const mapping = await tx.skuMapping.findFirst({ where: { merchantId, bmSku: l.listing }, select: { ourSku: true }, orderBy: { updatedAt: 'desc' } })
  return {
    bmOrderlineId: l.bmOrderlineId,
    listing: l.listing,
    sku: mapping?.ourSku ?? l.listing,
    productTitle: l.productTitle,
    quantity: l.quantity,
    price: l.price,
    bmState: l.bmState,
    imei: l.imei,
    serialNumber: l.serialNumber,
  }
}

async function createOrder(tx: Prisma.TransactionClient, merchantId: string, imp: OrderImport, raw: unknown, seenAt: Date) {
  const address = toAddress(imp.shippingAddress)
  const checked = checkWithFixes(address)
  const status = initialStatus(imp.lines.map((l) => l.bmState))
  await tx.order.create({
    data: {
      merchantId,
      reference: imp.reference,
      status,
      ...orderFields(imp, raw, seenAt),
      addressIssues: checked.issues.length > 0 ? (checked.issues as Prisma.InputJsonArray) : Prisma.DbNull,
      addressCheckedAt: seenAt,
      lines: { create: await Promise.all(imp.lines.map(async (l) => ({ merchantId, ...(await newLine(tx, merchantId, l)) }))) },
      addresses: { create: [{ kind: 'ORIGINAL', ...address }, { kind: 'CURRENT', ...checked.address }] },
    },
  })
  // address_error.opened for a new order its address blocks (the Errors tab lists CREATED ones).
  if (status === 'CREATED') {
    const after = { addressIssues: checked.issues, carrierRejection: null }
    await announceAddressCheck(tx, { order: { merchantId, reference: imp.reference }, before: { addressIssues: null, carrierRejection: null }, after, fields: blockingFields(checked.issues) })
  }
}

async function updateOrder(
  tx: Prisma.TransactionClient,
  existing: { id: string; merchantId: string; status: Parameters<typeof statusAfterBackMarketChange>[0]; version: number } & Tracking,
  imp: OrderImport,
  raw: unknown,
  seenAt: Date,
) {
  const lineStates = imp.lines.map((l) => l.bmState)
  // Compare-and-set on the version: a concurrent edit (address fix, sync) makes this fail loudly
  // rather than silently overwrite it; the import job then retries with fresh data.
  const { count } = await tx.order.updateMany({
    where: { id: existing.id, version: existing.version },
    data: {
      ...orderFields(imp, raw, seenAt),
      // Our tracking is what we shipped; Back Market's only fills what we lack (its copy stays in bmSnapshot).
      ...trackingAfterImport(existing, imp),
      status: statusAfterBackMarketChange(existing.status, lineStates),
      version: { increment: 1 },
    },
  })
  if (count === 0) throw new Error(`order ${imp.reference} changed during import; will retry`)
  for (const l of imp.lines) {
    await tx.orderLine.upsert({
      where: { orderId_bmOrderlineId: { orderId: existing.id, bmOrderlineId: l.bmOrderlineId } },
      // Back Market's side of the line only: our SKU stays as the warehouse has it.
      update: { listing: l.listing, productTitle: l.productTitle, quantity: l.quantity, bmState: l.bmState, imei: l.imei, serialNumber: l.serialNumber },
      create: { orderId: existing.id, merchantId: existing.merchantId, ...(await newLine(tx, existing.merchantId, l)) },
    })
  }
  // The original address follows Back Market; the current one is ours (the merchant may have fixed it).
  await tx.orderAddress.update({
    where: { orderId_kind: { orderId: existing.id, kind: 'ORIGINAL' } },
    data: toAddress(imp.shippingAddress),
  })
}

export async function upsertImportedOrder(opts: {
  merchantId: string
  order: OrderImport
  raw: unknown
  seenAt?: Date
}): Promise<UpsertResult> {
  const { merchantId, order: imp, raw } = opts
  const seenAt = opts.seenAt ?? new Date()
  for (let attempt = 0; ; attempt++) {
    try {
      let woken = 0
      const result = await db.$transaction(async (tx): Promise<UpsertResult> => {
        const existing = await tx.order.findUnique({
          where: { merchantId_reference: { merchantId, reference: imp.reference } },
          select: { id: true, merchantId: true, status: true, version: true, bmDateModification: true, trackingNumber: true, trackingUrl: true, shipper: true },
        })
        if (!existing) {
          await createOrder(tx, merchantId, imp, raw, seenAt)
          // Warehouse events that arrived before the order: applied now, in their own order.
          woken = await wakeParkedEvents(tx, { merchantId, reference: imp.reference })
          return 'created'
        }
        // Same or older than what we have: nothing new (the date filter is inclusive, so the
        // newest order of the previous run always comes back once).
        if (existing.bmDateModification >= imp.bmDateModification) return 'unchanged'
        await updateOrder(tx, existing, imp, raw, seenAt)
        return 'updated'
      })
      if (woken > 0) await notifyEventProcessor()
      return result
    } catch (err) {
      // Another worker created the same order between our read and our insert: read again.
      const raced = err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002'
      if (!raced || attempt >= 2) throw err
    }
  }
}
