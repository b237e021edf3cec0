// What the dashboard sends to manage webhook endpoints: one schema for the form and the route.
// The URL's shape is checked here; where it points (private networks, metadata) is checked by the
// operation, which resolves it (url-policy.ts).
import { z } from 'zod'
import { plainText } from '@/lib/input/plain-text'
import { WebhookEventTypeSchema } from './events'

const events = z
  .array(WebhookEventTypeSchema, { error: 'Choose the events to send' })
  .min(1, 'Choose at least one event')
  .transform((list) => [...new Set(list)])

export const WebhookUrlSchema = plainText()
  .trim()
  .min(1, 'Enter the URL')
  .max(2000, 'At most 2,000 characters')
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'Must be an http(s) URL')

export const CreateWebhookEndpointBodySchema = z.object({
  url: WebhookUrlSchema,
  description: plainText().trim().max(200, 'At most 200 characters').optional(),
  events,
})
export type CreateWebhookEndpointBody = z.input<typeof CreateWebhookEndpointBodySchema>

export const UpdateWebhookEndpointBodySchema = z
  .object({
    events: events.optional(),
    enabled: z.boolean().optional(),
    description: plainText().trim().max(200, 'At most 200 characters').optional(),
  })
  .refine((b) => b.events !== undefined || b.enabled !== undefined || b.description !== undefined, { error: 'Nothing to change', path: ['events'] })
export type UpdateWebhookEndpointBody = z.input<typeof UpdateWebhookEndpointBodySchema>
