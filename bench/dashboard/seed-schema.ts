// The loaded tables' primary keys, indexes and foreign keys: dropped before the load and rebuilt
// after it from their own definitions as read from the catalog; and the statement runner that
// shares the load between connections.
import type pg from 'pg'

export const LOADED_TABLES = ['Merchant', 'User', 'Order', 'OrderLine', 'OrderAddress', 'SyncTask', 'SyncAttempt', 'SyncIssue', 'AuditEvent', 'ImportRun']

export type SchemaObjects = { pks: string[]; indexes: string[]; fks: string[]; drops: string[]; signature: string[] }

export async function readSchemaObjects(c: pg.ClientBase): Promise<SchemaObjects> {
  const tables = LOADED_TABLES.map((t) => `'public."${t}"'::regclass`).join(', ')
  const cons = await c.query<{ tbl: string; name: string; type: string; def: string }>(`
    SELECT conrelid::regclass::text AS tbl, conname AS name, contype AS type, pg_get_constraintdef(oid) AS def
      FROM pg_constraint
     WHERE contype IN ('p', 'f') AND (conrelid IN (${tables}) OR confrelid IN (${tables}))
     ORDER BY 1, 2`)
  const idx = await c.query<{ tbl: string; name: string; def: string }>(`
    SELECT i.indrelid::regclass::text AS tbl, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i
     WHERE i.indrelid IN (${tables}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1, 2`)
  const fks = cons.rows.filter((r) => r.type === 'f')
  const pks = cons.rows.filter((r) => r.type === 'p' && LOADED_TABLES.some((t) => r.tbl === `"${t}"`))
  return {
    pks: pks.map((r) => `ALTER TABLE ${r.tbl} ADD CONSTRAINT "${r.name}" ${r.def}`),
    indexes: idx.rows.map((r) => r.def),
    fks: fks.map((r) => `ALTER TABLE ${r.tbl} ADD CONSTRAINT "${r.name}" ${r.def}`),
    drops: [
      ...fks.map((r) => `ALTER TABLE ${r.tbl} DROP CONSTRAINT "${r.name}"`),
      ...idx.rows.map((r) => `DROP INDEX ${r.name}`),
      ...pks.map((r) => `ALTER TABLE ${r.tbl} DROP CONSTRAINT "${r.name}"`),
    ],
    signature: [...cons.rows.map((r) => `${r.tbl} ${r.name} ${r.def}`), ...idx.rows.map((r) => r.def)].sort(),
  }
}

// ---- running ---------------------------------------------------------------------------------

/** Runs statement lists on `width` connections: each list in order, lists in parallel. */
export async function parallel(pool: pg.Pool, lists: string[][], width: number): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, lists.length) }, async () => {
      const c = await pool.connect()
      try {
        for (let i = next++; i < lists.length; i = next++) for (const sql of lists[i]!) await c.query(sql)
      } finally {
        c.release()
      }
    }),
  )
}
