// POST /api/webhooks: add an endpoint; the answer holds its signing secret, shown once.
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'
import type { CreateWebhookEndpointBody } from '@/lib/webhooks/endpoint-input'
import type { WebhookEndpointView } from '@/lib/webhooks/endpoint-view'

export type EndpointWithSecret = { endpoint: WebhookEndpointView; secret: string }

export function createEndpoint(body: CreateWebhookEndpointBody): Promise<EndpointWithSecret> {
  return fetchJson('/api/webhooks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

export function useCreateEndpoint({ onSuccess }: { onSuccess?: (created: EndpointWithSecret) => void } = {}) {
  return useCall(createEndpoint, { onSuccess: (created) => onSuccess?.(created) })
}
