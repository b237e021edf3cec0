// An order's page (Back Market's live state, re-sync): wrapped in TanStack Query's provider (see components/providers.tsx).
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'

export default function OrderLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>
}
