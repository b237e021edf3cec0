// Two small /api/v1 operations for the generator's and the contract check's own tests: they
// prove what the generator adds (scopes, errors, Idempotency-Key) without depending on the real
// operations, which other tests cover through the registry.
import { z } from 'zod'
import { defineOperation } from '@/lib/api-v1/operation'

const Widget = z.object({ reference: z.string(), count: z.int().min(0), updatedAt: z.iso.datetime() }).meta({ id: 'FixtureWidget' })

export const getWidgetOperation = defineOperation({
  operationId: 'getFixtureWidget',
  method: 'GET',
  path: '/widgets/{reference}',
  summary: 'A widget',
  tags: ['Fixture'],
  scope: 'sync:read',
  params: z.object({ reference: z.string().regex(/^[0-9]+$/) }),
  query: z.object({ expand: z.enum(['lines']).optional() }),
  responses: { 200: { description: 'The widget', schema: Widget } },
})

export const countWidgetsOperation = defineOperation({
  operationId: 'countFixtureWidgets',
  method: 'POST',
  path: '/widgets/count',
  summary: 'Count widgets',
  tags: ['Fixture'],
  scope: 'sync:write',
  body: z.object({ references: z.array(z.string()).min(1).max(10) }),
  responses: { 202: { description: 'Counting', schema: z.object({ accepted: z.int() }), headers: { Location: 'Where to follow it' } } },
  idempotent: true,
})

export const FIXTURE_OPERATIONS = [getWidgetOperation, countWidgetsOperation]
