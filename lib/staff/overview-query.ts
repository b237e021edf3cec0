// GET /api/staff/merchants and the /staff page read the same query string: the overview's page.
import { z } from 'zod'
import { INT4_MAX } from '@/lib/input/int-bounds'

const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

export const MerchantsOverviewQuerySchema = z.object({
  page: z.preprocess(
    blankAsUndefined,
    z.coerce.number({ error: 'Must be a number' }).int({ error: 'Must be a whole number' }).min(1, { error: 'Must be 1 or more' }).max(INT4_MAX, { error: 'No such page' }).default(1),
  ),
})
