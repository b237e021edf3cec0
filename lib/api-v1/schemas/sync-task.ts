// What /api/v1 says about one sync task: the dashboard's sync status (lib/sync/get-sync-status.ts),
// which is already JSON-shaped; the type check below holds the two together.
import { z } from 'zod'
import { SyncOperation, SyncTaskStatus } from '@/lib/generated/prisma/enums'
import type { SyncStatusView } from '@/lib/sync/get-sync-status'
import { DateTime } from './common'

export const SyncTaskSchema = z
  .object({
    id: z.uuid(),
    operation: z.enum(SyncOperation),
    flow: z.enum(['parcel_update', 'stock_update']),
    reference: z.string().nullable(),
    sku: z.string().nullable(),
    status: z.enum(Object.values(SyncTaskStatus).map((s) => s.toLowerCase() as Lowercase<SyncTaskStatus>)),
    done: z.boolean(),
    attempts: z.int().min(0),
    nextAttemptAt: DateTime.nullable(),
    failure: z
      .object({
        kind: z.string(),
        message: z.string().describe('In English, as recorded.'),
        code: z.string().nullable().optional().describe('A stable key for the failure, to word it in your own language.'),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      })
      .nullable(),
    preflight: z
      .object({
        canRetryHelp: z.boolean(),
        alreadyApplied: z.boolean(),
        checks: z.array(
          z.object({
            name: z.string(),
            ok: z.boolean(),
            code: z.string().optional(),
            params: z.record(z.string(), z.unknown()).optional(),
            detail: z.string().optional(),
          }),
        ),
        checkedAt: z.string(),
      })
      .nullable()
      .describe('What we read from Back Market after the last failure: whether a retry can help.'),
    createdAt: DateTime,
    sentAt: DateTime.nullable(),
    acceptedAt: DateTime.nullable(),
    verifiedAt: DateTime.nullable(),
    finishedAt: DateTime.nullable(),
    calls: z
      .array(
        z.object({
          at: DateTime,
          method: z.string(),
          path: z.string(),
          httpStatus: z.int().nullable(),
          outcome: z.string(),
          message: z.string().nullable(),
          durationMs: z.int(),
        }),
      )
      .describe('The last 10 calls to Back Market, newest first.'),
  })
  .meta({ id: 'SyncTask' })

export type SyncTaskV1 = z.output<typeof SyncTaskSchema>

// Compile-time: the dashboard's view is a valid answer as it stands.
export const syncTaskView = (view: SyncStatusView): SyncTaskV1 => view
