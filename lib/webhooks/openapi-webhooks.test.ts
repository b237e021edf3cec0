// The API's OpenAPI document describes every webhook event: its body and the three signature
// headers, from the schemas the emitters are typed by.
import { expect, test } from 'vitest'
import { openApiDocument } from '@/lib/api-v1/openapi'
import { WEBHOOK_EVENT_TYPES } from './events'

test('every webhook event is in the document’s webhooks section with its headers and body', () => {
  const doc = openApiDocument()
  expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort())
  const opened = doc.webhooks!['address_error.opened']!.post!
  expect(opened.parameters).toEqual(
    ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => expect.objectContaining({ in: 'header', name, required: true })),
  )
  const schema = (opened.requestBody as { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> }).content['application/json']!.schema
  expect(schema.required).toEqual(['type', 'timestamp', 'data'])
  expect(schema.properties.type).toEqual({ type: 'string', const: 'address_error.opened' })
})
