// PATCH /api/orders/[reference]/address: fetcher, the shapes of its answers, and the call hook.
// A 422 (saved, still blocked) and a 409 (stale, not editable) reach the caller as ApiError with
// the details below. No TanStack Query here (its ~10 kB gzip stay out of the form's first
// JavaScript): what a save changes in the query cache (the sync's first status, the order's Back
// Market view) is done by the saved view's lazily loaded progress (components/errors/acceptance-progress.tsx).
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'
import type { AddressIssue } from '@/lib/addresses/address-issues'
import type { Address } from '@/lib/addresses/address-schema'
import type { OrderStatus } from '@/lib/generated/prisma/enums'
import type { UpdateOrderAddressBody } from '@/lib/orders/update-order-address-body'
import type { AddressConflictDetails } from '@/lib/warehouse/update-order-address'
import type { SyncStatusView } from '@/lib/sync/get-sync-status'

type OrderRef = { reference: string; status: OrderStatus; version: number }

export type AddressValidated = { outcome: 'validated'; order: OrderRef; address: Address; sync: SyncStatusView | null }

/** The 422's `details`: the address as saved (after the silent fixes) and what still blocks it. */
export type StillBlockedDetails = { issues: AddressIssue[]; order: OrderRef; address: Address }

export type { AddressConflictDetails }

export function updateOrderAddress(reference: string, body: UpdateOrderAddressBody): Promise<AddressValidated> {
  return fetchJson<AddressValidated>(`/api/orders/${encodeURIComponent(reference)}/address`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

type Callbacks = {
  onSuccess?: (data: AddressValidated, body: UpdateOrderAddressBody) => void
  onError?: (error: Error, body: UpdateOrderAddressBody) => void
}

export function useUpdateOrderAddress(reference: string, callbacks: Callbacks = {}) {
  return useCall((body: UpdateOrderAddressBody) => updateOrderAddress(reference, body), callbacks)
}
