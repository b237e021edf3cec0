// GET /api/syncs/[id]: where a re-sync is (queued → sent → accepted → verified, or failed and
// why). Polled about once a second until the sync is done.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { SyncStatusView } from '@/lib/sync/get-sync-status'

export type { SyncStatusView }

export const syncKeys = {
  all: ['sync'] as const,
  detail: (id: string) => [...syncKeys.all, id] as const,
}

export const SYNC_POLL_MS = 1_000

export function getSync(id: string, signal?: AbortSignal): Promise<{ sync: SyncStatusView }> {
  return fetchJson<{ sync: SyncStatusView }>(`/api/syncs/${encodeURIComponent(id)}`, { signal })
}

export function getSyncQueryOptions(id: string) {
  return queryOptions({
    queryKey: syncKeys.detail(id),
    queryFn: ({ signal }) => getSync(id, signal),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.sync.done ? false : SYNC_POLL_MS),
    // Keep watching while the tab is in the background: the merchant comes back to the outcome.
    refetchIntervalInBackground: true,
  })
}

export function useSync(id: string | null) {
  return useQuery({ ...getSyncQueryOptions(id ?? ''), enabled: id !== null })
}
