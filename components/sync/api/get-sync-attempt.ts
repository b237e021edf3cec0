// GET /api/sync-attempts/[id]: one call we made to Back Market and its raw answer, loaded only
// when the merchant opens it.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { SyncAttemptRawView } from '@/lib/sync/sync-attempt-view'

export const syncAttemptKeys = {
  all: ['sync-attempt'] as const,
  detail: (id: string) => [...syncAttemptKeys.all, id] as const,
}

export function getSyncAttempt(id: string, signal?: AbortSignal): Promise<{ attempt: SyncAttemptRawView }> {
  return fetchJson<{ attempt: SyncAttemptRawView }>(`/api/sync-attempts/${encodeURIComponent(id)}`, { signal })
}

export function getSyncAttemptQueryOptions(id: string) {
  // A past call never changes.
  return queryOptions({ queryKey: syncAttemptKeys.detail(id), queryFn: ({ signal }) => getSyncAttempt(id, signal), staleTime: Infinity })
}

export function useSyncAttempt(id: string, { enabled }: { enabled: boolean }) {
  return useQuery({ ...getSyncAttemptQueryOptions(id), enabled })
}
