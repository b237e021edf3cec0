// POST /api/orders/[reference]/sync: ask for a re-sync of one order. 202 with the sync to watch;
// a second request while one is pending joins it (the server dedupes), so nothing is sent twice.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import { rememberSync, type SyncStatusView } from './get-sync'

export type ResyncAnswer = { sync: SyncStatusView; created: boolean }

export function requestResync(reference: string): Promise<ResyncAnswer> {
  return fetchJson<ResyncAnswer>(`/api/orders/${encodeURIComponent(reference)}/sync`, { method: 'POST' })
}

export function useRequestResync({ onSuccess }: { onSuccess?: (answer: ResyncAnswer) => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: requestResync,
    onSuccess: (answer) => {
      rememberSync(queryClient, answer.sync)
      onSuccess?.(answer)
    },
  })
}
