// An order's address form (its save and the re-sync it starts): wrapped in TanStack Query's provider
// (see components/providers.tsx). Not the Errors tab itself, whose list is server-rendered: the
// provider's ~6 kB gzip stays out of its first JavaScript.
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'

export default function FixAddressLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>
}
