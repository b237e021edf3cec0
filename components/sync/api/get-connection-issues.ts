// GET /api/connection-issues: the banner's data (failures of the past 7 days, the last 20 errors,
// the impact). The server renders it first; the browser keeps it fresh and refetches it after
// anything that changes an issue (re-sync, check again, dismiss).
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { fetchJson } from '@/components/api/api-client'
import type { ConnectionHealthView } from '../connection-health-view'

export type { ConnectionErrorView, ConnectionHealthView } from '../connection-health-view'

export const connectionIssuesKeys = {
  all: ['connection-issues'] as const,
}

export function getConnectionIssues(signal?: AbortSignal): Promise<ConnectionHealthView> {
  return fetchJson<ConnectionHealthView>('/api/connection-issues', { signal })
}

export function getConnectionIssuesQueryOptions() {
  return queryOptions({
    queryKey: connectionIssuesKeys.all,
    queryFn: ({ signal }) => getConnectionIssues(signal),
    // One indexed SQL statement, no Back Market call: cheap enough to keep a banner honest on a
    // page left open, and closer to live while the worker is retrying.
    refetchInterval: (query) => ((query.state.data?.impact.retryingIssues ?? 0) > 0 ? 10_000 : 60_000),
  })
}

/** Seeded by a server render; each new server render (navigation, refresh) is the freshest read. */
export function useConnectionIssues(serverView: ConnectionHealthView) {
  const queryClient = useQueryClient()
  useEffect(() => {
    queryClient.setQueryData(connectionIssuesKeys.all, serverView)
  }, [queryClient, serverView])
  return useQuery({ ...getConnectionIssuesQueryOptions(), initialData: serverView })
}
