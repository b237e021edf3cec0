'use client'
// Client-side context for the whole app: today only TanStack Query.
import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { getQueryClient } from '@/lib/query-client'

export function Providers({ children }: { children: ReactNode }) {
  // Not useState: getQueryClient already keeps one browser client, even if React throws away
  // this component's state during a suspended first render.
  const queryClient = getQueryClient()
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
