// DELETE /api/sku-mappings/[id]: remove a mapping; our SKU is sent unchanged again.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { SkuMappingView } from '@/lib/sku-mapping/sku-mapping-view'
import { skuMappingKeys } from './sku-mapping-keys'
import { skuMismatchKeys } from './sku-mapping-mismatch'

export function deleteSkuMapping(id: string): Promise<{ mapping: SkuMappingView }> {
  return fetchJson<{ mapping: SkuMappingView }>(`/api/sku-mappings/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export function useDeleteSkuMapping({ onSuccess }: { onSuccess?: (mapping: SkuMappingView) => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteSkuMapping,
    onSuccess: async ({ mapping }) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: skuMappingKeys.all }), queryClient.invalidateQueries({ queryKey: skuMismatchKeys.all })])
      onSuccess?.(mapping)
    },
  })
}
