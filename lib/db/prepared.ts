// Named (prepared) statements on the process's pool, for the hot reads (ADR 0014): PostgreSQL
// parses and plans a named statement once per connection, where Prisma's adapter sends every
// statement unnamed and so has it planned on every request; and rows come back without the ORM's
// per-row mapping. A statement's row type is only a type: nothing checks the rows against it at
// run time; each hot read's comparison test (the same answer as its Prisma version) guards it, and
// callers keep the same zod contracts at the HTTP boundary.
import 'server-only'
import pg from 'pg'
import { pgPool } from '@/lib/db'

/** PostgreSQL's OID for `timestamp without time zone`, the type Prisma gives DateTime columns. */
const TIMESTAMP = 1114
/** `int8`: counts (count(*)) and BigInt columns; JSON-safe numbers below 2^53. */
const INT8 = 20

// Prisma stores UTC in `timestamp(3)` columns; pg's default parser reads them as local time.
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`)

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMP) return parseUtcTimestamp
    if (oid === INT8) return (text: string) => Number(text)
    return pg.types.getTypeParser(oid, format)
  }) as pg.CustomTypesConfig['getTypeParser'],
}

export type PreparedStatement = { readonly name: string; readonly text: string }

/** Every statement named so far in this process, by name. */
const named = new Map<string, string>()

/**
 * One statement, named once in its module, in snake_case. The name must be unique in the process:
 * pg keeps a connection's prepared statements by name and refuses a second text under the same
 * name — on whichever connection meets both, at run time. So the clash is refused here, at
 * import. The same text again (a module evaluated twice) is the same statement.
 */
export function prepared(name: string, text: string): PreparedStatement {
  const known = named.get(name)
  if (known !== undefined && known !== text) throw new Error(`Prepared statement "${name}" is already named for another text`)
  named.set(name, text)
  return { name, text }
}

/**
 * Runs a prepared statement. Dates travel as UTC text (`toISOString`) and are compared with the
 * columns as `$n::timestamp`, which ignores the zone: the session's time zone stays out of it.
 */
export async function runPrepared<Row>(statement: PreparedStatement, values: readonly unknown[]): Promise<Row[]> {
  const params = values.map((v) => (v instanceof Date ? v.toISOString() : v))
  const result = await pgPool().query<Row & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: params, types })
  return result.rows
}
