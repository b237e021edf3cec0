// Connection strings and one-off clients of the schema engine stand-in.
import pg from 'pg'

// Prisma URLs may carry `?schema=name`; pg would ignore it, adapter-pg wants it as an option.
export function splitUrl(url) {
  const u = new URL(url)
  const schema = u.searchParams.get('schema') ?? undefined
  u.searchParams.delete('schema')
  return { connectionString: u.toString(), schema, database: decodeURIComponent(u.pathname.slice(1)) || 'postgres' }
}
// adapter-pg only reports `schema` to the engine; the native engine also makes it
// the search_path, so that unqualified migration SQL lands in that schema.
export function pgConfig({ connectionString, schema }) {
  return schema ? { connectionString, options: `-c search_path=${quoteIdent(schema)}` } : { connectionString }
}
export function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = '/' + encodeURIComponent(database)
  return u.toString()
}
export const quoteIdent = (s) => '"' + String(s).replaceAll('"', '""') + '"'

export async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

// Map a pg connection error to the Prisma error code the CLI understands
// (P1003 "database does not exist" makes `migrate dev` offer to create it).
export function connectionErrorCode(e, database) {
  if (e?.code === '3D000') return ['P1003', `Database \`${database}\` does not exist`]
  if (e?.code === '42P04') return ['P1009', `Database \`${database}\` already exists`]
  if (e?.code === '28P01' || e?.code === '28000') return ['P1000', `Authentication failed against the database server: ${e.message}`]
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(e?.code))
    return ['P1001', `Can't reach database server: ${e.message}`]
  return ['P1000', e?.message ?? String(e)]
}
