// PATCH /api/orders/[reference]/address: fetcher, the shapes of its answers, and the mutation hook.
// A 422 (saved, still blocked) and a 409 (stale, not editable) reach the caller as ApiError with
// the details below; the hook refreshes what the save changed, then calls the caller's callbacks.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import { backMarketOrderKeys } from '@/components/orders/api/get-backmarket-order'
import { rememberSync } from '@/components/sync/api/get-sync'
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
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpdateOrderAddressBody) => updateOrderAddress(reference, body),
    onSuccess: (data, body) => {
      if (data.sync) rememberSync(queryClient, data.sync)
      void queryClient.invalidateQueries({ queryKey: backMarketOrderKeys.detail(reference) })
      callbacks.onSuccess?.(data, body)
    },
    onError: (error, body) => callbacks.onError?.(error, body),
  })
}
