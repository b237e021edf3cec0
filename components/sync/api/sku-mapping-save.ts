// POST /api/sku-mappings: save the mapping (409 carrying the guard's warnings until confirmed),
// then the server re-syncs what it fixes; the answer names each sync to watch.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError, fetchJson } from '@/components/api/api-client'
import type { SaveSkuMappingBody } from '@/lib/sku-mapping/sku-mapping-input'
import type { SkuMappingImpact } from '@/lib/sku-mapping/sku-mapping-rules'
import type { SkuMappingView } from '@/lib/sku-mapping/sku-mapping-view'
import type { BulkResult } from '@/lib/sync/request-bulk-resync'
import { skuMappingKeys } from './sku-mapping-keys'
import { skuMismatchKeys } from './sku-mapping-mismatch'

export type SaveSkuMappingAnswer = { mapping: SkuMappingView; created: boolean; impact: SkuMappingImpact; syncs: BulkResult[] }

export function saveSkuMapping(body: SaveSkuMappingBody): Promise<SaveSkuMappingAnswer> {
  return fetchJson<SaveSkuMappingAnswer>('/api/sku-mappings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

/** The guard's answer inside a 409: what the merchant has not confirmed yet. */
export function unconfirmedImpact(error: unknown): SkuMappingImpact | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null
  const impact = (error.details as { impact?: SkuMappingImpact } | undefined)?.impact
  return impact ?? null
}

export function useSaveSkuMapping({ onSuccess }: { onSuccess?: (answer: SaveSkuMappingAnswer) => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveSkuMapping,
    onSuccess: async (answer) => {
      // Every comparison on screen now sends a different SKU for this one of ours.
      await Promise.all([queryClient.invalidateQueries({ queryKey: skuMappingKeys.all }), queryClient.invalidateQueries({ queryKey: skuMismatchKeys.all })])
      onSuccess?.(answer)
    },
  })
}
