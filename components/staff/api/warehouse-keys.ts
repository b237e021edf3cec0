// POST /api/staff/warehouse-keys (create: the secret in this answer only) and DELETE
// /api/staff/warehouse-keys/[id] (revoke); the list re-renders from the server (router.refresh).
import { useMutation } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'

export type CreatedWarehouseKey = { key: { id: string; name: string; prefix: string; secret: string } }

export function createWarehouseKey(body: { name: string }): Promise<CreatedWarehouseKey> {
  return fetchJson('/api/staff/warehouse-keys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

export function revokeWarehouseKey(id: string): Promise<{ key: { id: string; revokedAt: string } }> {
  return fetchJson(`/api/staff/warehouse-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export function useCreateWarehouseKey({ onSuccess }: { onSuccess?: (created: CreatedWarehouseKey) => void } = {}) {
  return useMutation({ mutationFn: createWarehouseKey, onSuccess: (created) => onSuccess?.(created) })
}

export function useRevokeWarehouseKey({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: revokeWarehouseKey, onSuccess: () => onSuccess?.() })
}
