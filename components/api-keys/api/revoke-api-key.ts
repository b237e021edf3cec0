// DELETE /api/api-keys/[id] or /api/staff/warehouse-keys/[id]: revoke a key; the list re-renders
// from the server (router.refresh in onSuccess).
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'

export function revokeApiKey(endpoint: string, id: string): Promise<{ key: { id: string; revokedAt: string } }> {
  return fetchJson(`${endpoint}/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export function useRevokeApiKey({ endpoint = '/api/api-keys', onSuccess }: { endpoint?: string; onSuccess?: () => void } = {}) {
  return useCall((id: string) => revokeApiKey(endpoint, id), { onSuccess: () => onSuccess?.() })
}
