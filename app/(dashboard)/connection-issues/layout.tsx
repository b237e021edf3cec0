// The connection issues page (re-sync, check again, dismiss, SKU mapping): wrapped in TanStack Query's provider (see components/providers.tsx).
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'

export default function ConnectionIssuesLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>
}
