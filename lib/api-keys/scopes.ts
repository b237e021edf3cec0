// The scopes a key may carry, apart from the schemas (api-key-schema.ts, zod/mini) so the key
// form lists them without loading zod; it loads the schema when first focused.
export const MERCHANT_SCOPES = ['sync:read', 'sync:write'] as const
export const WAREHOUSE_SCOPES = ['warehouse:write'] as const
