'use client'
// TanStack Query for the pages with live widgets (an order's Back Market panel and re-sync, the
// saved address fix's progress, the connection issues' actions, the webhooks' deliveries), given by their
// layouts or lazily loaded panels: the orders list — the page a merchant lands on —, the Errors tab and the banner on
// every page do without it, which keeps ~6 kB of gzip out of their first JavaScript
// (docs/benchmarks.md). One browser client for all of
// them, so the cache survives moving between those pages.
import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { getQueryClient } from '@/lib/query-client'

export function Providers({ children }: { children: ReactNode }) {
  // Not useState: getQueryClient already keeps one browser client, even if React throws away
  // this component's state during a suspended first render.
  const queryClient = getQueryClient()
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
