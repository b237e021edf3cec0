// PATCH /api/orders/[reference]/address's body: the order version the edit was made on, and the
// address through the one AddressSchema the edit form also uses.
import { z } from 'zod'
import { AddressSchema } from '@/lib/addresses/address-schema'
import { INT4_MAX } from '@/lib/input/int-bounds'

export const UpdateOrderAddressBodySchema = z.object({
  version: z
    .number({ error: 'The order version is required' })
    .int({ error: 'Must be a whole number' })
    .min(1, { error: 'Must be 1 or more' })
    .max(INT4_MAX, { error: 'Not a version of this order' }),
  address: AddressSchema,
})

export type UpdateOrderAddressBody = z.input<typeof UpdateOrderAddressBodySchema>
