// The Errors tab and an order's address form: wrapped in TanStack Query's provider (see components/providers.tsx).
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'

export default function ErrorsLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>
}
