// TanStack Query defaults for the dashboard. What the browser asks our API for is live data
// (Back Market's view of an order): no refetch on window focus, because each fetch is a call to
// Back Market counted against the merchant's rate limit; the panel has a Refresh button instead.
import { isServer, QueryClient, type DefaultOptions } from '@tanstack/react-query'

function httpStatusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined
}

export const queryConfig = {
  queries: {
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    // A 4xx will not get better by asking again; a network blip might, once.
    retry: (failureCount, error) => {
      const status = httpStatusOf(error)
      if (status !== undefined && status < 500) return false
      return failureCount < 1
    },
  },
} satisfies DefaultOptions

export function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryConfig })
}

let browserQueryClient: QueryClient | undefined

/** A fresh client per server render (no data shared between users), one for the browser's lifetime. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient()
  browserQueryClient ??= makeQueryClient()
  return browserQueryClient
}
