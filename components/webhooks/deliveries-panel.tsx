'use client'
// An endpoint's deliveries, loaded when the merchant opens them (endpoint-card.tsx): this is the
// webhooks page's one read through TanStack Query (redelivering re-reads the log), so the library
// and its provider come with this panel, not with the page (docs/benchmarks.md).
import { Providers } from '@/components/providers'
import { DeliveriesTable } from './deliveries-table'

export function DeliveriesPanel(props: { endpointId: string; url: string }) {
  return (
    <Providers>
      <DeliveriesTable {...props} />
    </Providers>
  )
}
