// POST /api/syncs {issueIds}: re-sync the orders and SKUs behind several issues at once. Each
// gets its own sync (or joins its pending one); one that cannot be re-synced says why.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { BulkResult } from '@/lib/sync/request-bulk-resync'
import { refreshConnectionIssues } from './get-connection-issues'
import { syncKeys } from './get-sync'

export type { BulkResult }

export function requestBulkResync(issueIds: string[]): Promise<{ results: BulkResult[] }> {
  return fetchJson<{ results: BulkResult[] }>('/api/syncs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ issueIds }),
  })
}

export function useRequestBulkResync({ onSuccess }: { onSuccess?: (answer: { results: BulkResult[] }) => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: requestBulkResync,
    onSuccess: async (answer) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: syncKeys.all }),
        refreshConnectionIssues(),
      ])
      onSuccess?.(answer)
    },
  })
}
