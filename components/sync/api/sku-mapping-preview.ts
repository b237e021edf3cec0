// POST /api/sku-mappings/preview: the guard — what mapping our SKU to Back Market's would fix,
// break or collide with. Saves nothing.
import { useMutation } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { SkuMappingInput } from '@/lib/sku-mapping/sku-mapping-input'
import type { SkuMappingImpact } from '@/lib/sku-mapping/sku-mapping-rules'

export type { SkuMappingImpact }

export function previewSkuMapping(input: SkuMappingInput): Promise<{ impact: SkuMappingImpact }> {
  return fetchJson<{ impact: SkuMappingImpact }>('/api/sku-mappings/preview', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })
}

export function usePreviewSkuMapping({ onSuccess }: { onSuccess?: (impact: SkuMappingImpact, input: SkuMappingInput) => void } = {}) {
  return useMutation({ mutationFn: previewSkuMapping, onSuccess: ({ impact }, input) => onSuccess?.(impact, input) })
}
