// DELETE /api/backmarket-connection: forget the token; the data stays.
import { useMutation } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { ConnectionStatusView } from '../status-view'

export function disconnect(): Promise<{ status: ConnectionStatusView }> {
  return fetchJson('/api/backmarket-connection', { method: 'DELETE' })
}

export function useDisconnect({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: disconnect, onSuccess: () => onSuccess?.() })
}
