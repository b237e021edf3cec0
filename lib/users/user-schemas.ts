// What the people routes and forms accept: one schema serves the form and the route.
import { z } from 'zod'
import { MERCHANT_ROLES } from '@/lib/auth/roles'
import { isTimeZone } from '@/lib/i18n/time-zone'
import { LOCALES } from '@/lib/i18n/locales'
import { plainText } from '@/lib/input/plain-text'

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'Enter a valid email address' }))
export const PersonNameSchema = plainText().trim().min(1, { error: 'Enter a name' }).max(200, { error: 'At most 200 characters' })
export const MerchantRoleSchema = z.enum(MERCHANT_ROLES, { error: 'Choose viewer, operator or admin' })
/** NIST SP 800-63B's floor for user-chosen passwords; the upper bound protects the hasher. */
export const NewPasswordSchema = z.string().min(8, { error: 'At least 8 characters' }).max(1024, { error: 'At most 1024 characters' })

export const InviteUserSchema = z.object({ email: EmailSchema, name: PersonNameSchema, role: MerchantRoleSchema })
export type InviteUserInput = z.infer<typeof InviteUserSchema>

export const UpdateUserSchema = z.object({ role: MerchantRoleSchema })

export const AcceptInvitationSchema = z.object({ token: z.string().max(100), name: PersonNameSchema, password: NewPasswordSchema })
export const CompletePasswordResetSchema = z.object({ token: z.string().max(100), password: NewPasswordSchema })

export const UpdatePreferencesSchema = z
  .object({
    locale: z.enum(LOCALES, { error: 'Choose English or French' }).optional(),
    // null = follow the merchant's zone again.
    timeZone: z.string().refine(isTimeZone, { error: 'Choose a time zone from the list' }).nullable().optional(),
  })
  .refine((p) => p.locale !== undefined || p.timeZone !== undefined, { error: 'Nothing to change', path: ['locale'] })

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, { error: 'Enter your current password' }).max(1024),
  newPassword: NewPasswordSchema,
})
