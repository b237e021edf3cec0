// GET /api/orders/[reference]/backmarket: fetcher, query options and hook in one place.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { BackMarketLiveView } from '@/lib/orders/backmarket-live-view'

export const backMarketOrderKeys = {
  all: ['backmarket-order'] as const,
  detail: (reference: string) => [...backMarketOrderKeys.all, reference] as const,
}

export function getBackMarketOrder(reference: string, signal?: AbortSignal): Promise<BackMarketLiveView> {
  return fetchJson<BackMarketLiveView>(`/api/orders/${encodeURIComponent(reference)}/backmarket`, { signal })
}

export function getBackMarketOrderQueryOptions(reference: string) {
  return queryOptions({
    queryKey: backMarketOrderKeys.detail(reference),
    queryFn: ({ signal }) => getBackMarketOrder(reference, signal),
    // Every try is a live call against the merchant's Back Market rate limit: show a failure at
    // once, with a button to try again, rather than after silent retries.
    retry: false,
  })
}

export function useBackMarketOrder(reference: string) {
  return useQuery(getBackMarketOrderQueryOptions(reference))
}
