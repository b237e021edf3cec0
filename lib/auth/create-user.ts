// Creates an active dashboard user with a password: a merchant's user, or a staff user (no
// merchant). Used by the seed, the staff CLI and tests; people join through invitations.
import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { AppError, fromZodError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { hashPassword } from '@/lib/auth/password'

const CreateUserSchema = z
  .object({
  merchantId: z.uuid().nullable(),
  role: z.enum(['VIEWER', 'OPERATOR', 'ADMIN', 'STAFF']),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  // NIST SP 800-63B's floor for user-chosen passwords; the upper bound protects the hasher.
  password: z.string().min(8).max(1024),
})
  .refine((u) => (u.role === 'STAFF') === (u.merchantId === null), { path: ['merchantId'], message: 'staff belong to no merchant; everyone else to one' })

export type CreateUserInput = z.input<typeof CreateUserSchema>

export async function createUser(input: CreateUserInput) {
  const parsed = CreateUserSchema.safeParse(input)
  if (!parsed.success) throw fromZodError(parsed.error, 'body')
  const { merchantId, role, email, name, password } = parsed.data
  try {
    return await db.user.create({
      data: { merchantId, role, email, name, passwordHash: await hashPassword(password), activatedAt: new Date() },
      select: { id: true, merchantId: true, role: true, email: true, name: true, createdAt: true },
    })
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('conflict', { message: `user ${email} exists`, userMessage: 'A user with this email already exists.', cause: err })
    }
    throw err
  }
}
