// Creates a dashboard user for a merchant (used by the seed and by tests).
import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { AppError, fromZodError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { hashPassword } from '@/lib/auth/password'

const CreateUserSchema = z.object({
  merchantId: z.uuid(),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  // NIST SP 800-63B's floor for user-chosen passwords; the upper bound protects the hasher.
  password: z.string().min(8).max(1024),
})

export type CreateUserInput = z.input<typeof CreateUserSchema>

export async function createUser(input: CreateUserInput) {
  const parsed = CreateUserSchema.safeParse(input)
  if (!parsed.success) throw fromZodError(parsed.error, 'body')
  const { merchantId, email, name, password } = parsed.data
  try {
    return await db.user.create({
      data: { merchantId, email, name, passwordHash: await hashPassword(password) },
      select: { id: true, merchantId: true, email: true, name: true, createdAt: true },
    })
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('conflict', { message: `user ${email} exists`, userMessage: 'A user with this email already exists.', cause: err })
    }
    throw err
  }
}
