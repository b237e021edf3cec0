// What a merchant sends to create a key: the form and the session route parse with this one
// schema. A warehouse key is made by support staff (scripts/create-warehouse-key.ts). zod/mini:
// the form ships it to the browser.
import * as z from 'zod/mini'
import { plainTextMini } from '@/lib/input/plain-text-mini'

import { MERCHANT_SCOPES } from './scopes'

/**
 * Live (unrevoked) keys one merchant may hold. The settings page lists every live key so each can
 * be revoked there; a bound keeps that list a page, not a scroll (one key per integration is usual).
 */
export const MAX_LIVE_KEYS = 50

export const apiKeyNameSchema = plainTextMini().check(z.trim(), z.minLength(1, 'a name is required'), z.maxLength(100, 'at most 100 characters'))

export const createMerchantApiKeySchema = z.object({
  name: apiKeyNameSchema,
  scopes: z.pipe(
    z.array(z.enum(MERCHANT_SCOPES)).check(z.minLength(1, 'choose at least one scope')),
    z.transform((scopes: ('sync:read' | 'sync:write')[]) => [...new Set(scopes)].sort()),
  ),
})
export type CreateMerchantApiKeyInput = z.input<typeof createMerchantApiKeySchema>
