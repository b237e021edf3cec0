// Query keys of the merchant's SKU mappings (GET /api/sku-mappings), for invalidation after a change.
export const skuMappingKeys = {
  all: ['sku-mappings'] as const,
}
