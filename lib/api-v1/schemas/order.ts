// What /api/v1 says about an order: the fields of the dashboard's own order views (same names,
// same string money and ids), plus where the order stands with Back Market and with our syncs.
// The handlers' output is typed by these schemas, and tests parse real answers with them.
import { z } from 'zod'
import { ADDRESS_ERROR_CODES } from '@/lib/addresses/address-issues'
import { ADDRESS_FIELDS, type AddressField } from '@/lib/addresses/address-schema'
import { OrderStatus, SyncOperation, SyncTaskStatus } from '@/lib/generated/prisma/enums'
import { DateTime, Money } from './common'

const SYNC_STATUSES = Object.values(SyncTaskStatus).map((s) => s.toLowerCase() as Lowercase<SyncTaskStatus>)

export const OrderSyncSchema = z
  .object({
    id: z.uuid().describe('Follow it at GET /api/v1/sync-tasks/{id}.'),
    operation: z.enum(SyncOperation),
    status: z.enum(SYNC_STATUSES).describe('queued → sent → accepted by Back Market → verified by reading it back; or failed.'),
    done: z.boolean(),
    attempts: z.int().min(0),
    nextAttemptAt: DateTime.nullable(),
    failure: z
      .object({
        kind: z.string().describe('`permanent` (a retry cannot help as things are) or `dead` (the retry budget ran out).'),
        message: z.string().describe('In English, as recorded.'),
        code: z.string().nullable().describe('A stable key for the failure, to word it in your own language.'),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      })
      .nullable(),
    createdAt: DateTime,
    finishedAt: DateTime.nullable(),
  })
  .meta({ id: 'OrderSync', description: 'The newest sync task of one operation for the order.' })

const LineStateSchema = z.object({
  bmOrderlineId: z.string().regex(/^\d+$/).describe("Back Market's orderline id, as text (it exceeds JavaScript's safe integers)."),
  listing: z.string().describe('The SKU as sold on Back Market.'),
  sku: z.string().describe('Our warehouse SKU.'),
  quantity: z.int(),
  bmState: z.int().describe("The line's Back Market state as last seen (1 to accept, 2 accepted, 3 shipped, 4/5/6 cancelled or refunded)."),
})

const backMarketState = {
  bmState: z.int().describe("The order's Back Market state as last seen."),
  bmSeenAt: DateTime.describe('When we last read it from Back Market.'),
}

export const OrderSummarySchema = z
  .object({
    reference: z.string().describe("Back Market's order_id."),
    status: z.enum(OrderStatus).describe('Our warehouse status.'),
    placedAt: DateTime.nullable(),
    currency: z.string().nullable(),
    totalPrice: Money.nullable(),
    ...backMarketState,
    lines: z.array(LineStateSchema),
    sync: z.array(OrderSyncSchema),
  })
  .meta({ id: 'OrderSummary' })

const AddressText = z.string().nullable()
// From ADDRESS_FIELDS, so a field added to the address reaches the API too.
const AddressSchema = z
  .object(Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, AddressText])) as Record<AddressField, typeof AddressText>)
  .extend({ updatedAt: DateTime })
  .meta({ id: 'Address' })

export const AddressIssueSchema = z
  .object({
    code: z.enum(ADDRESS_ERROR_CODES),
    field: z.string().describe('The address field, or `address` for the address as a whole.'),
    severity: z.enum(['error', 'warning']).describe('An error blocks the order; a warning only informs.'),
    message: z.string().describe('What is wrong and what to do, in English.'),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'AddressIssue' })

export const CarrierRejectionSchema = z
  .object({
    carrier: z.string(),
    message: z.string().describe("The carrier's own words."),
    fields: z.array(z.string()).describe('The address fields the carrier named.'),
    rejectedAt: DateTime,
  })
  .meta({ id: 'CarrierRejection', description: 'A carrier refused the address at label creation; the order is blocked until it changes.' })

export const OrderDetailSchema = z
  .object({
    reference: z.string(),
    status: z.enum(OrderStatus),
    version: z.int().describe('Grows with every change we make to the order.'),
    countryCode: z.string().nullable(),
    currency: z.string().nullable(),
    totalPrice: Money.nullable(),
    shippingPrice: Money.nullable(),
    shipper: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    trackingUrl: z.string().nullable(),
    placedAt: DateTime.nullable(),
    expectedDispatchAt: DateTime.nullable(),
    ...backMarketState,
    bmDateModification: DateTime.describe("Back Market's date_modification as last seen."),
    createdAt: DateTime,
    updatedAt: DateTime,
    lines: z.array(
      LineStateSchema.extend({
        productTitle: z.string(),
        price: Money.nullable(),
        imei: z.string().nullable(),
        serialNumber: z.string().nullable(),
        cancelledAt: DateTime.nullable().describe('When the warehouse cancelled the line; Back Market learns it through a cancel sync.'),
      }),
    ),
    shippingAddress: AddressSchema.nullable().describe('The address we ship to (after any edit).'),
    addressCheck: z
      .object({ checkedAt: DateTime, issues: z.array(AddressIssueSchema) })
      .nullable()
      .describe('The last run of our address rules; null before the warehouse received the order.'),
    carrierRejection: CarrierRejectionSchema.nullable(),
    sync: z.array(OrderSyncSchema),
  })
  .meta({ id: 'OrderDetail' })

export type OrderSummaryV1 = z.output<typeof OrderSummarySchema>
export type OrderDetailV1 = z.output<typeof OrderDetailSchema>
export type OrderSyncV1 = z.output<typeof OrderSyncSchema>
