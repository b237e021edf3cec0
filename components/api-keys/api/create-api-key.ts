// POST /api/api-keys (a merchant's key) or /api/staff/warehouse-keys (a WMS's): create a key; the
// answer holds its secret, shown once.
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'

export type CreatedKey = { key: { id: string; name: string; prefix: string; secret: string } }

/** The body: a name, and for a merchant's key its scopes (a warehouse key has one, set by the server). */
export type CreateKeyBody = { name: string; scopes?: string[] }

export function createApiKey(endpoint: string, body: CreateKeyBody): Promise<CreatedKey> {
  return fetchJson(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

export function useCreateApiKey({ endpoint = '/api/api-keys', onSuccess }: { endpoint?: string; onSuccess?: (created: CreatedKey) => void } = {}) {
  return useCall((body: CreateKeyBody) => createApiKey(endpoint, body), { onSuccess: (created) => onSuccess?.(created) })
}
