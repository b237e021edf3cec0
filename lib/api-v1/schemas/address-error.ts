// What /api/v1 says about an order blocked by its address: the fields of the dashboard's Errors
// tab (who it ships to, the blocking issues, the cut-off that applies) and a carrier's refusal.
import { z } from 'zod'
import { AddressIssueSchema, CarrierRejectionSchema } from './order'
import { DateTime } from './common'

export const CutoffSchema = z
  .object({
    kind: z.enum(['acceptance', 'shipping']),
    at: DateTime,
    source: z
      .enum(['expected_dispatch_date', 'shipping_delay', 'assumed'])
      .describe("Where the time comes from: Back Market's dispatch date, the lines' shipping delay, or our assumed acceptance window."),
  })
  .meta({ id: 'Cutoff' })

export const AddressErrorSchema = z
  .object({
    reference: z.string(),
    placedAt: DateTime.nullable(),
    checkedAt: DateTime.nullable().describe('When our address rules last ran on it.'),
    buyerName: z.string().nullable(),
    company: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    issues: z.array(AddressIssueSchema).describe('The errors of the last check (warnings are left out: they do not block).'),
    carrierRejection: CarrierRejectionSchema.nullable(),
    urgency: z.enum(['overdue', 'due_soon', 'upcoming', 'unknown']),
    cutoff: CutoffSchema.nullable().describe('The cut-off that applies now: acceptance until accepted, then shipping.'),
  })
  .meta({ id: 'AddressError' })

export type AddressErrorV1 = z.output<typeof AddressErrorSchema>
