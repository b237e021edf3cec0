// Its forms call the API through TanStack Query: wrapped in its provider (see components/providers.tsx).
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'

export default function PeopleLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>
}
