// What the people routes and forms accept: one schema serves the form and the route. zod/mini:
// the invitation, password and profile forms ship these schemas to the browser.
import * as z from 'zod/mini'
import { MERCHANT_ROLES } from '@/lib/auth/roles'
import { isTimeZone } from '@/lib/i18n/time-zone'
import { LOCALES } from '@/lib/i18n/locales'
import { plainTextMini } from '@/lib/input/plain-text-mini'

export const EmailSchema = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email({ error: 'Enter a valid email address' }))
export const PersonNameSchema = plainTextMini().check(z.trim(), z.minLength(1, { error: 'Enter a name' }), z.maxLength(200, { error: 'At most 200 characters' }))
export const MerchantRoleSchema = z.enum(MERCHANT_ROLES, { error: 'Choose viewer, operator or admin' })
/** NIST SP 800-63B's floor for user-chosen passwords; the upper bound protects the hasher. */
export const NewPasswordSchema = z.string().check(z.minLength(8, { error: 'At least 8 characters' }), z.maxLength(1024, { error: 'At most 1024 characters' }))

export const InviteUserSchema = z.object({ email: EmailSchema, name: PersonNameSchema, role: MerchantRoleSchema })
export type InviteUserInput = z.infer<typeof InviteUserSchema>

export const UpdateUserSchema = z.object({ role: MerchantRoleSchema })

const token = z.string().check(z.maxLength(100))
export const AcceptInvitationSchema = z.object({ token, name: PersonNameSchema, password: NewPasswordSchema })
export const CompletePasswordResetSchema = z.object({ token, password: NewPasswordSchema })

export const UpdatePreferencesSchema = z
  .object({
    locale: z.optional(z.enum(LOCALES, { error: 'Choose English or French' })),
    // null = follow the merchant's zone again.
    timeZone: z.optional(z.nullable(z.string().check(z.refine(isTimeZone, { error: 'Choose a time zone from the list' })))),
  })
  .check(z.refine((p) => p.locale !== undefined || p.timeZone !== undefined, { error: 'Nothing to change', path: ['locale'] }))

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().check(z.minLength(1, { error: 'Enter your current password' }), z.maxLength(1024)),
  newPassword: NewPasswordSchema,
})
