// GET /api/connection-issues: the banner's data (failures of the past 7 days, the last 20 errors,
// the impact). The server renders it first; the browser keeps it fresh and refetches it after
// anything that changes an issue (re-sync, check again, dismiss).
import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { ConnectionHealth } from '@/lib/sync/connection-health'

/** What JSON makes of a value: dates become ISO strings. */
type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T

export type ConnectionHealthView = Jsonified<ConnectionHealth>
export type ConnectionErrorView = ConnectionHealthView['errors'][number]

/** The server's read in the shape the API answers, so both can seed the same cache entry. */
export function toConnectionHealthView(health: ConnectionHealth): ConnectionHealthView {
  return JSON.parse(JSON.stringify(health)) as ConnectionHealthView
}

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

export function useConnectionIssues(initialData: ConnectionHealthView) {
  return useQuery({ ...getConnectionIssuesQueryOptions(), initialData })
}
