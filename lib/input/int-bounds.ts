// Numbers from outside are bounded by the column they end up in: Prisma refuses a value beyond a
// PostgreSQL `integer` (int4) with an error of its own, which was a 500, not a 400 naming the field.

/** The largest value of a PostgreSQL `integer` column (Prisma `Int`). */
export const INT4_MAX = 2_147_483_647
