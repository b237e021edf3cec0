// What the dashboard sends to manage webhook endpoints: one schema for the form and the route.
// The URL's shape is checked here; where it points (private networks, metadata) is checked by the
// operation, which resolves it (url-policy.ts). zod/mini: the form ships these to the browser.
import * as z from 'zod/mini'
import { plainTextMini } from '@/lib/input/plain-text-mini'
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './event-types'

const events = z.pipe(
  z.array(z.enum(WEBHOOK_EVENT_TYPES), { error: 'Choose the events to send' }).check(z.minLength(1, 'Choose at least one event')),
  z.transform((list: WebhookEventType[]) => [...new Set(list)]),
)

export const WebhookUrlSchema = plainTextMini().check(
  z.trim(),
  z.minLength(1, 'Enter the URL'),
  z.maxLength(2000, 'At most 2,000 characters'),
  z.refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'Must be an http(s) URL'),
)

const description = () => z.optional(plainTextMini().check(z.trim(), z.maxLength(200, 'At most 200 characters')))

export const CreateWebhookEndpointBodySchema = z.object({
  url: WebhookUrlSchema,
  description: description(),
  events,
})
export type CreateWebhookEndpointBody = z.input<typeof CreateWebhookEndpointBodySchema>

export const UpdateWebhookEndpointBodySchema = z
  .object({
    events: z.optional(events),
    enabled: z.optional(z.boolean()),
    description: description(),
  })
  .check(z.refine((b) => b.events !== undefined || b.enabled !== undefined || b.description !== undefined, { error: 'Nothing to change', path: ['events'] }))
export type UpdateWebhookEndpointBody = z.input<typeof UpdateWebhookEndpointBodySchema>
