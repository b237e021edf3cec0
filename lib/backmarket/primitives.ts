// Lenient scalar schemas for Back Market payloads. BM documents ints, decimal strings and
// date-times, but real clients and captures show ids sent as strings, prices as numbers, empty
// strings where null is meant and several date-time spellings; we accept those and normalise,
// so that the rest of the code sees one shape.
import { z } from 'zod'
import { parseBmDateTime } from './datetime'

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v)

/** A non-negative safe integer, sent as a number or as a string of digits (order_id, ids). */
export const bmInt = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, 'expected an integer').transform(Number)])
  .pipe(z.int().nonnegative())

/** An optional integer: absent, null and "" all mean "none". */
export const bmIntOrNull = z.preprocess(emptyToNull, bmInt.nullable().default(null))

/** A decimal amount as BM sends it ("369.00"), kept as a string so no precision is lost. */
export const bmDecimal = z.union([
  z.string().trim().regex(/^-?\d+(?:\.\d+)?$/, 'expected a decimal amount'),
  z.number().finite().transform(String),
])

export const bmDecimalOrNull = z.preprocess(emptyToNull, bmDecimal.nullable().default(null))

/** Free text; absent → null, numbers → string (a postal code may come as a number). */
export const bmText = z
  .union([z.string(), z.number().transform(String)])
  .nullable()
  .default(null)

export const bmBooleanOrNull = z.boolean().nullable().default(null)

/** Any date-time spelling BM uses; kept as the string received so payloads stay plain JSON. */
export const bmDateTime = z
  .string()
  .refine((s) => parseBmDateTime(s) !== null, { message: 'expected an RFC 3339 date-time' })

export const bmDateTimeOrNull = z.preprocess(emptyToNull, bmDateTime.nullable().default(null))
