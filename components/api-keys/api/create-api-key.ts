// POST /api/api-keys: create a key; the answer holds its secret, shown once.
import { useMutation } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { CreateMerchantApiKeyInput } from '@/lib/api-keys/api-key-schema'

export type CreatedKey = { key: { id: string; name: string; prefix: string; scopes: string[]; secret: string } }

export function createApiKey(body: CreateMerchantApiKeyInput): Promise<CreatedKey> {
  return fetchJson('/api/api-keys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

export function useCreateApiKey({ onSuccess }: { onSuccess?: (created: CreatedKey) => void } = {}) {
  return useMutation({ mutationFn: createApiKey, onSuccess: (created) => onSuccess?.(created) })
}
