// The API keys page (create, revoke): wrapped in TanStack Query's provider (see components/providers.tsx).
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'

export default function ApiKeysLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>
}
