// The webhooks page (add, change, redeliver): wrapped in TanStack Query's provider (see components/providers.tsx).
import type { ReactNode } from 'react'
import { Providers } from '@/components/providers'

export default function WebhooksLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>
}
