// DELETE /api/api-keys/[id]: revoke a key; the list re-renders from the server (router.refresh in onSuccess).
import { useMutation } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'

export function revokeApiKey(id: string): Promise<{ key: { id: string; revokedAt: string } }> {
  return fetchJson(`/api/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export function useRevokeApiKey({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: revokeApiKey, onSuccess: () => onSuccess?.() })
}
