// What a merchant sends to create a key: the form and the session route parse with this one
// schema. A warehouse key is made by support staff (scripts/create-warehouse-key.ts).
import { z } from 'zod'
import { plainText } from '@/lib/input/plain-text'

export const MERCHANT_SCOPES = ['sync:read', 'sync:write'] as const
export const WAREHOUSE_SCOPES = ['warehouse:write'] as const

/**
 * Live (unrevoked) keys one merchant may hold. The settings page lists every live key so each can
 * be revoked there; a bound keeps that list a page, not a scroll (one key per integration is usual).
 */
export const MAX_LIVE_KEYS = 50

export const apiKeyNameSchema = plainText().trim().min(1, 'a name is required').max(100, 'at most 100 characters')

export const createMerchantApiKeySchema = z.object({
  name: apiKeyNameSchema,
  scopes: z
    .array(z.enum(MERCHANT_SCOPES))
    .min(1, 'choose at least one scope')
    .transform((scopes) => [...new Set(scopes)].sort()),
})
export type CreateMerchantApiKeyInput = z.input<typeof createMerchantApiKeySchema>
