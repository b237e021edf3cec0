// What /api/v1 says about the merchant's Back Market connection: the dashboard's banner data
// (lib/sync/connection-health.ts), dates as ISO text.
import { z } from 'zod'
import { SyncIssueKind } from '@/lib/generated/prisma/enums'
import type { ConnectionHealth } from '@/lib/sync/connection-health'
import { DateTime, iso, isoOrNull } from './common'

export const ConnectionIssuesSchema = z
  .object({
    showBanner: z.boolean().describe('Whether the dashboard shows its connection banner now.'),
    state: z.enum(['ok', 'issues', 'recovered']).describe('`issues` while any issue is open; `recovered` when failures this week are all resolved.'),
    connection: z
      .object({
        token: z
          .enum(['connected', 'not_connected', 'token_refused'])
          .describe('`not_connected`: no Back Market token is saved (nothing is imported or sent); `token_refused`: Back Market refuses the saved one.'),
        refusedAt: DateTime.nullable().describe('Since when Back Market refuses the token.'),
        refusal: z.object({ status: z.int().nullable(), message: z.string() }).nullable().describe('Back Market’s answer then (HTTP status and its words).'),
      })
      .describe('The Back Market token: whether anything can be imported or sent at all.'),
    flows: z.object({ parcelUpdate: z.boolean(), stockUpdate: z.boolean() }).describe('Which Back Market flows failed in the last 7 days.'),
    impact: z.object({
      openIssues: z.int().min(0),
      retryingIssues: z.int().min(0),
      affectedOrders: z.int().min(0),
      affectedSkus: z.int().min(0),
      since: DateTime.nullable(),
      nextRetryAt: DateTime.nullable(),
      recoveredAt: DateTime.nullable(),
    }),
    errors: z
      .array(
        z.object({
          id: z.uuid(),
          at: DateTime,
          firstAt: DateTime.describe('UTC, ISO 8601: when this run of identical failures began (a week without one starts a new run): may be older than the week.'),
          count: z.int().min(1).describe('Identical failures (same operation, target, answer) since `firstAt`, shown as one row.'),
          operation: z.enum(['parcel_update', 'stock_update']),
          action: z.enum(['accept', 'ship', 'cancel', 'stock']),
          reference: z.string().nullable(),
          sku: z.string().nullable(),
          httpStatus: z.int().nullable(),
          message: z.string(),
          lifecycle: z.enum(['open', 'retrying', 'resolved', 'dismissed']).nullable(),
          issueId: z.uuid().nullable(),
          kind: z.enum(SyncIssueKind).nullable(),
        }),
      )
      .describe('The last 20 failures of the week, newest first.'),
  })
  .meta({ id: 'ConnectionIssues' })

export type ConnectionIssuesV1 = z.output<typeof ConnectionIssuesSchema>

export function connectionIssuesView(health: ConnectionHealth): ConnectionIssuesV1 {
  const { impact, connection } = health
  return {
    ...health,
    connection: { ...connection, refusedAt: isoOrNull(connection.refusedAt) },
    impact: { ...impact, since: isoOrNull(impact.since), nextRetryAt: isoOrNull(impact.nextRetryAt), recoveredAt: isoOrNull(impact.recoveredAt) },
    errors: health.errors.map((e) => ({ ...e, at: iso(e.at), firstAt: iso(e.firstAt) })),
  }
}
