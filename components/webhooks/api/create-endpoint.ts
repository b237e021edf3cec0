// POST /api/webhooks: add an endpoint; the answer holds its signing secret, shown once.
import { useMutation } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { CreateWebhookEndpointBody } from '@/lib/webhooks/endpoint-input'
import type { WebhookEndpointView } from '@/lib/webhooks/endpoint-view'

export type EndpointWithSecret = { endpoint: WebhookEndpointView; secret: string }

export function createEndpoint(body: CreateWebhookEndpointBody): Promise<EndpointWithSecret> {
  return fetchJson('/api/webhooks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

export function useCreateEndpoint({ onSuccess }: { onSuccess?: (created: EndpointWithSecret) => void } = {}) {
  return useMutation({ mutationFn: createEndpoint, onSuccess: (created) => onSuccess?.(created) })
}
