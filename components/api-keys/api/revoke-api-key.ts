// DELETE /api/api-keys/[id] or /api/staff/warehouse-keys/[id]: revoke a key; the list re-renders
// from the server (router.refresh in onSuccess).
import { useMutation } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'

export function revokeApiKey(endpoint: string, id: string): Promise<{ key: { id: string; revokedAt: string } }> {
  return fetchJson(`${endpoint}/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export function useRevokeApiKey({ endpoint = '/api/api-keys', onSuccess }: { endpoint?: string; onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: (id: string) => revokeApiKey(endpoint, id), onSuccess: () => onSuccess?.() })
}
