// What staff send to onboard a merchant: the form and POST /api/staff/merchants parse with this
// one schema. Client-safe (no database).
import { z } from 'zod'
import { MarketsSchema } from '@/lib/backmarket/markets'
import { LOCALES } from '@/lib/i18n/locales'
import { isTimeZone } from '@/lib/i18n/time-zone'
import { plainText } from '@/lib/input/plain-text'
import { EmailSchema, PersonNameSchema } from '@/lib/users/user-schemas'

export const MerchantNameSchema = plainText().trim().min(1, { error: 'Enter the merchant’s name' }).max(200, { error: 'At most 200 characters' })

export const OnboardMerchantSchema = z.object({
  name: MerchantNameSchema,
  markets: MarketsSchema,
  timeZone: z.string({ error: 'Choose a time zone from the list' }).refine(isTimeZone, { error: 'Choose a time zone from the list' }),
  /** The language of its users until they choose, and of the invitation email. */
  locale: z.enum(LOCALES, { error: 'Choose English or French' }),
  admin: z.object({ name: plainText().pipe(PersonNameSchema), email: EmailSchema }),
})

export type OnboardMerchantInput = z.infer<typeof OnboardMerchantSchema>
