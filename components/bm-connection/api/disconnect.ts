// DELETE /api/backmarket-connection: forget the token; the data stays.
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'
import type { ConnectionStatusView } from '../status-view'

export function disconnect(): Promise<{ status: ConnectionStatusView }> {
  return fetchJson('/api/backmarket-connection', { method: 'DELETE' })
}

export function useDisconnect({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useCall<void, { status: ConnectionStatusView }>(disconnect, { onSuccess: () => onSuccess?.() })
}
