// What staff send to onboard a merchant: the form and POST /api/staff/merchants parse with this
// one schema. Client-safe (no database); zod/mini, so the form does not ship all of zod.
import * as z from 'zod/mini'
import { MarketsSchema } from '@/lib/backmarket/markets'
import { LOCALES } from '@/lib/i18n/locales'
import { isTimeZone } from '@/lib/i18n/time-zone'
import { plainTextMini } from '@/lib/input/plain-text-mini'
import { EmailSchema, PersonNameSchema } from '@/lib/users/user-schemas'

export const MerchantNameSchema = plainTextMini().check(z.trim(), z.minLength(1, { error: 'Enter the merchant’s name' }), z.maxLength(200, { error: 'At most 200 characters' }))

export const OnboardMerchantSchema = z.object({
  name: MerchantNameSchema,
  markets: MarketsSchema,
  timeZone: z.string({ error: 'Choose a time zone from the list' }).check(z.refine(isTimeZone, { error: 'Choose a time zone from the list' })),
  /** The language of its users until they choose, and of the invitation email. */
  locale: z.enum(LOCALES, { error: 'Choose English or French' }),
  admin: z.object({ name: z.pipe(plainTextMini(), PersonNameSchema), email: EmailSchema }),
})

export type OnboardMerchantInput = z.infer<typeof OnboardMerchantSchema>
