// PATCH and DELETE /api/webhooks/[id], POST …/rotate-secret: the endpoint's own actions. The page
// re-renders from the server after each (router.refresh in the caller's onSuccess).
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'
import type { UpdateWebhookEndpointBody } from '@/lib/webhooks/endpoint-input'
import type { WebhookEndpointView } from '@/lib/webhooks/endpoint-view'
import type { EndpointWithSecret } from './create-endpoint'

export type EndpointChange = { kind: 'update'; body: UpdateWebhookEndpointBody } | { kind: 'delete' } | { kind: 'rotate' }

export type EndpointChangeAnswer = { endpoint?: WebhookEndpointView; secret?: string } | null

export async function changeEndpoint(id: string, change: EndpointChange): Promise<EndpointChangeAnswer> {
  const path = `/api/webhooks/${encodeURIComponent(id)}`
  switch (change.kind) {
    case 'update':
      return fetchJson<{ endpoint: WebhookEndpointView }>(path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change.body) })
    case 'rotate':
      return fetchJson<EndpointWithSecret>(`${path}/rotate-secret`, { method: 'POST' })
    case 'delete':
      // A 204 has no body: fetchJson answers null for it.
      return fetchJson<null>(path, { method: 'DELETE' })
  }
}

export function useChangeEndpoint(id: string, { onSuccess }: { onSuccess?: (answer: EndpointChangeAnswer, change: EndpointChange) => void } = {}) {
  return useCall((change: EndpointChange) => changeEndpoint(id, change), { onSuccess: (answer, change) => onSuccess?.(answer, change) })
}
