// GET /api/syncs/[id]: fetcher, query options and hook in one place. Polled until the sync is
// done (verified on Back Market, or failed for good).
import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { SyncStatusView } from '@/lib/sync/get-sync-status'

export const syncStatusKeys = {
  all: ['sync-status'] as const,
  detail: (id: string) => [...syncStatusKeys.all, id] as const,
}

const POLL_MS = 1_500

export async function getSyncStatus(id: string, signal?: AbortSignal): Promise<SyncStatusView> {
  const { sync } = await fetchJson<{ sync: SyncStatusView }>(`/api/syncs/${encodeURIComponent(id)}`, { signal })
  return sync
}

export function getSyncStatusQueryOptions(id: string) {
  return queryOptions({
    queryKey: syncStatusKeys.detail(id),
    queryFn: ({ signal }) => getSyncStatus(id, signal),
    refetchInterval: (query) => (query.state.data?.done || query.state.status === 'error' ? false : POLL_MS),
  })
}

/** Starts from the status an earlier answer carried (the save's), shown at once, then polled. */
export function useSyncStatus(initial: SyncStatusView) {
  return useQuery({ ...getSyncStatusQueryOptions(initial.id), initialData: initial, initialDataUpdatedAt: 0 })
}
