// GET /api/sku-mismatch?issueId=: our SKU and Back Market's side by side for an issue, read live.
import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { SkuMismatchView } from '@/lib/sync/sku-mismatch-view'

export type { SkuMismatchView }

export const skuMismatchKeys = {
  all: ['sku-mismatch'] as const,
  issue: (issueId: string) => [...skuMismatchKeys.all, issueId] as const,
}

export function getSkuMismatch(issueId: string, signal?: AbortSignal): Promise<SkuMismatchView> {
  return fetchJson<SkuMismatchView>(`/api/sku-mismatch?${new URLSearchParams({ issueId })}`, { signal })
}

export function getSkuMismatchQueryOptions(issueId: string) {
  return queryOptions({
    queryKey: skuMismatchKeys.issue(issueId),
    queryFn: ({ signal }) => getSkuMismatch(issueId, signal),
    // Each read calls Back Market on the merchant's rate limit: a failure shows at once, with a
    // Refresh button, rather than after silent retries.
    retry: false,
  })
}

export function useSkuMismatch(issueId: string) {
  return useQuery(getSkuMismatchQueryOptions(issueId))
}
