// PATCH /api/backmarket-connection: the markets alone (the token stays).
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'
import type { ConnectionStatusView } from '../status-view'

export function updateMarkets(markets: string[]): Promise<{ status: ConnectionStatusView }> {
  return fetchJson('/api/backmarket-connection', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ markets }) })
}

export function useUpdateMarkets({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useCall(updateMarkets, { onSuccess: () => onSuccess?.() })
}
