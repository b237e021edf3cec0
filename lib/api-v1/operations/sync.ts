// The merchant API's view of the Back Market connection and of one sync task (issue 9 item 3).
import { z } from 'zod'
import { defineOperation } from '@/lib/api-v1/operation'
import { ConnectionIssuesSchema } from '@/lib/api-v1/schemas/connection-issues'
import { SyncTaskSchema } from '@/lib/api-v1/schemas/sync-task'

export const getConnectionIssuesOperation = defineOperation({
  operationId: 'getConnectionIssues',
  method: 'GET',
  path: '/connection-issues',
  summary: 'Connection issues',
  description: 'What the dashboard\'s connection banner shows: failed Back Market flows this week, open issues however old, and the last 20 failures.',
  tags: ['Sync'],
  scope: 'sync:read',
  responses: {
    200: {
      description: 'The connection\'s health.',
      schema: ConnectionIssuesSchema,
      headers: { ETag: 'A weak validator of this answer: send it back as If-None-Match to be told 304 while nothing changed.', 'Cache-Control': 'private, no-cache' },
    },
    304: { description: 'Nothing changed since the answer whose ETag was sent as If-None-Match (no body).', headers: { ETag: 'The same validator.' } },
  },
})

export const getSyncTaskOperation = defineOperation({
  operationId: 'getSyncTask',
  method: 'GET',
  path: '/sync-tasks/{id}',
  summary: 'Follow a sync task',
  description: 'Where a sync is: queued, sent, accepted by Back Market, verified by reading it back, or failed and why (and whether a retry can help).',
  tags: ['Sync'],
  scope: 'sync:read',
  params: z.object({ id: z.uuid({ error: 'A sync task id is a UUID' }) }),
  responses: { 200: { description: 'The task.', schema: z.object({ sync: SyncTaskSchema }) } },
})
