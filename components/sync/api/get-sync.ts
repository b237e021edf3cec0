// GET /api/syncs/[id]: where a sync is (queued → sent → accepted → verified, or failed and why).
// The one client of that route, with one cache entry per sync: the re-sync button, the SKU
// mapping and the Errors tab's saved fix all watch the same entry, so a status one answer carries
// (a save's, a re-sync's) shows wherever that sync is watched. Polled about once a second until done.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { SyncStatusView } from '@/lib/sync/get-sync-status'

export type { SyncStatusView }

export const syncKeys = {
  all: ['sync'] as const,
  detail: (id: string) => [...syncKeys.all, id] as const,
}

export const SYNC_POLL_MS = 1_000
/** How long a failed sync is still watched for its pre-flight, which the engine stores just after. */
export const PREFLIGHT_WAIT_MS = 15_000

/** A permanent failure whose pre-flight (can a retry help?) has not been stored yet. */
export function awaitsPreflight(sync: Pick<SyncStatusView, 'status' | 'failure' | 'preflight'>): boolean {
  return sync.status === 'failed' && sync.failure?.kind === 'permanent' && sync.preflight === null
}

// When this browser first saw each sync finished, so the wait for its pre-flight is bounded in
// this browser's own time (the server's clock may differ).
const seenDoneAt = new Map<string, number>()

function finishedPollInterval(id: string, sync: SyncStatusView): number | false {
  if (!awaitsPreflight(sync)) return false
  const since = seenDoneAt.get(id) ?? Date.now()
  seenDoneAt.set(id, since)
  return Date.now() - since < PREFLIGHT_WAIT_MS ? SYNC_POLL_MS : false
}

/** Whether a finished sync is still being watched for its pre-flight. */
export function isAwaitingPreflight(id: string, sync: SyncStatusView): boolean {
  const since = seenDoneAt.get(id)
  return awaitsPreflight(sync) && (since === undefined || Date.now() - since < PREFLIGHT_WAIT_MS)
}

export function getSync(id: string, signal?: AbortSignal): Promise<{ sync: SyncStatusView }> {
  return fetchJson<{ sync: SyncStatusView }>(`/api/syncs/${encodeURIComponent(id)}`, { signal })
}

export function getSyncQueryOptions(id: string) {
  return queryOptions({
    queryKey: syncKeys.detail(id),
    queryFn: ({ signal }) => getSync(id, signal),
    staleTime: 0,
    refetchInterval: (query) => {
      const sync = query.state.data?.sync
      return sync?.done ? finishedPollInterval(id, sync) : SYNC_POLL_MS
    },
    // Keep watching while the tab is in the background: the merchant comes back to the outcome.
    refetchIntervalInBackground: true,
  })
}

/** A sync's status that another answer carried (a save's, a re-sync's): shown at once, before the first poll. */
export function rememberSync(queryClient: QueryClient, sync: SyncStatusView): void {
  queryClient.setQueryData(getSyncQueryOptions(sync.id).queryKey, { sync })
}

export function useSync(id: string | null) {
  return useQuery({ ...getSyncQueryOptions(id ?? ''), enabled: id !== null })
}
