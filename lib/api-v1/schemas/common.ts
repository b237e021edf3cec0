// Shapes shared by the /api/v1 answers: how a date and an amount are written on the wire.
import { z } from 'zod'

/** Every date leaves as UTC ISO 8601 with milliseconds (Date.toISOString). */
export const DateTime = z.iso.datetime().describe('UTC, ISO 8601.')

/** An amount as text with its two decimals: exact, unlike a JSON number. */
export const Money = z.string().regex(/^-?\d+\.\d{2}$/).describe('Decimal amount as text, e.g. "349.90".')

export const iso = (d: Date) => d.toISOString()
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null)
