// POST /api/webhooks/deliveries/[id]/redeliver: one more attempt now; the endpoint's log is re-read.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import { deliveriesKey } from './get-deliveries'

export type RedeliverAnswer = { result: { outcome: string; attempt?: number; statusCode?: number | null } }

export function redeliver(deliveryId: string): Promise<RedeliverAnswer> {
  return fetchJson(`/api/webhooks/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, { method: 'POST' })
}

export function useRedeliver(endpointId: string, { onSuccess }: { onSuccess?: (answer: RedeliverAnswer) => void } = {}) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: redeliver,
    onSuccess: async (answer) => {
      await client.invalidateQueries({ queryKey: deliveriesKey(endpointId) })
      onSuccess?.(answer)
    },
  })
}
