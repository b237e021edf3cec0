// GET /api/webhooks/[id]/deliveries: an endpoint's recent deliveries, read when the merchant opens them.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { WebhookDeliveryView } from '@/lib/webhooks/endpoint-view'

export const deliveriesKey = (endpointId: string) => ['webhooks', endpointId, 'deliveries'] as const

export function deliveriesQuery(endpointId: string) {
  return queryOptions({
    queryKey: deliveriesKey(endpointId),
    queryFn: () => fetchJson<{ deliveries: WebhookDeliveryView[] }>(`/api/webhooks/${encodeURIComponent(endpointId)}/deliveries`),
  })
}

export function useDeliveries(endpointId: string) {
  return useQuery(deliveriesQuery(endpointId))
}
