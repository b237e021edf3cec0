// POST /api/staff/merchants/[id]/open: open a merchant's dashboard in this staff session (read-only).
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'

export type OpenedMerchant = { opened: { merchantId: string; merchantName: string; acting: boolean } }

export function openMerchant(merchantId: string): Promise<OpenedMerchant> {
  return fetchJson(`/api/staff/merchants/${encodeURIComponent(merchantId)}/open`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ acting: false }),
  })
}

export function useOpenMerchant({ onSuccess }: { onSuccess?: (opened: OpenedMerchant) => void } = {}) {
  return useCall(openMerchant, { onSuccess: (opened) => onSuccess?.(opened) })
}
