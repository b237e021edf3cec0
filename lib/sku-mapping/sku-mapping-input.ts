// What a merchant types to map one of our SKUs to Back Market's: the same schema checks the form
// in the browser and the body in the route. Client-safe (no database); zod/mini, so the form does
// not ship all of zod.
import * as z from 'zod/mini'
import { plainTextMini } from '@/lib/input/plain-text-mini'

/** Back Market gives no maximum for a SKU; 200 is its longest text field of the kind (shipper). */
export const SKU_MAX_LENGTH = 200

export const SkuSchema = plainTextMini().check(z.trim(), z.minLength(1, 'Enter a SKU'), z.maxLength(SKU_MAX_LENGTH, `At most ${SKU_MAX_LENGTH} characters`))

const pair = z.object({ ourSku: SkuSchema, bmSku: SkuSchema })

// Mapping a SKU to itself changes nothing: what we send is already our SKU. A mapping that only
// changes letter case is allowed: Back Market's catalogue ignores case, its order lines do not.
const differ = (v: { ourSku: string; bmSku: string }) => v.ourSku !== v.bmSku
const differMessage = { path: ['bmSku'], message: 'Back Market’s SKU must differ from ours' }

export const SkuMappingInputSchema = pair.check(z.refine(differ, differMessage))
export type SkuMappingInput = z.infer<typeof SkuMappingInputSchema>

export const SaveSkuMappingBodySchema = z.extend(pair, { confirm: z.optional(z.boolean()) }).check(z.refine(differ, differMessage))
export type SaveSkuMappingBody = z.infer<typeof SaveSkuMappingBodySchema>
