// The driver adapter the WASM engine talks to PostgreSQL through: adapter-pg, patched where
// the engine needs more than it gives, with shadow databases of our own.
import { randomUUID } from 'node:crypto'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils'
import { log } from './log.mjs'
import { pgConfig, quoteIdent, splitUrl, withClient, withDatabase } from './postgres.mjs'

// adapter-pg 7.10 throws on PostgreSQL's internal "char" type (oid 18), which the
// engine's catalog queries return (pg_constraint.contype, pg_class.relkind, ...),
// and the engine reads those columns as a Character value. So: let performIO
// report them as text (oid 25, no throw; the value is already a 1-char string),
// remember which columns they were (keyed by the rows array, which queryRaw
// returns as is), and have queryRaw report them as Character. Patched on the
// shared query prototype so adapters and their transactions both get it.
let charPatched = false
const charColumns = new WeakMap()
function patchCharType(adapter) {
  if (charPatched) return
  let proto = Object.getPrototypeOf(adapter)
  while (proto && !(Object.hasOwn(proto, 'performIO') && Object.hasOwn(proto, 'queryRaw'))) proto = Object.getPrototypeOf(proto)
  if (!proto) return log('WARN', 'adapter-pg internals changed: "char" columns stay unsupported')
  const { performIO, queryRaw } = proto
  proto.performIO = async function (query) {
    const result = await performIO.call(this, query)
    const idx = []
    result?.fields?.forEach((f, i) => {
      if (f.dataTypeID === 18) {
        f.dataTypeID = 25
        idx.push(i)
      }
    })
    if (idx.length && result.rows) charColumns.set(result.rows, idx)
    return result
  }
  proto.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query)
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character
    return result
  }
  charPatched = true
}

// adapter-pg 7.10's executeScript splits a migration on every ';' and sends the pieces one by
// one, so a function body ($$ … ; … $$) breaks in the middle and the statements before it stay
// applied. The native engine sends the script whole (one simple query: one implicit transaction,
// PostgreSQL's own parser): so do we.
let scriptPatched = false
function patchExecuteScript(adapter) {
  if (scriptPatched) return
  let proto = Object.getPrototypeOf(adapter)
  while (proto && !Object.hasOwn(proto, 'executeScript')) proto = Object.getPrototypeOf(proto)
  if (!proto) return log('WARN', 'adapter-pg internals changed: migration scripts are split on ;')
  proto.executeScript = async function (script) {
    try {
      await this.client.query(script)
    } catch (error) {
      this.onError(error)
    }
  }
  scriptPatched = true
}

const shadowDatabases = new Set()

export function makeAdapterFactory(datasource) {
  const url = datasource?.url ?? ''
  const main = url ? splitUrl(url) : { connectionString: undefined, schema: undefined }
  const options = main.schema ? { schema: main.schema } : undefined
  const base = new PrismaPg(pgConfig(main), options)

  const connectPatched = async (factory) => {
    const adapter = await factory.connect()
    patchCharType(adapter)
    patchExecuteScript(adapter)
    return adapter
  }

  const factory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => connectPatched(base),
    // adapter-pg's own connectToShadowDb is unusable here: with a connectionString the
    // `database` override is ignored (the "shadow" is the main database), and it drops
    // the database before closing its pool. Do it ourselves.
    async connectToShadowDb() {
      if (datasource?.shadowDatabaseUrl) {
        // A configured shadow database: the native engine empties it before use, the
        // WASM engine doesn't (a second run fails with "type ... already exists").
        const s = splitUrl(datasource.shadowDatabaseUrl)
        if (s.connectionString === main.connectionString && s.schema === main.schema)
          throw new Error('The shadow database you configured is the same as the main database.')
        const schema = quoteIdent(s.schema ?? 'public')
        await withClient(s.connectionString, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`))
        return connectPatched(new PrismaPg(pgConfig(s), s.schema ? { schema: s.schema } : undefined))
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`
      await withClient(main.connectionString, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`))
      shadowDatabases.add(name)
      const adapter = await connectPatched(
        new PrismaPg(pgConfig({ ...main, connectionString: withDatabase(main.connectionString, name) }), options),
      )
      const dispose = adapter.dispose.bind(adapter)
      adapter.dispose = async () => {
        await dispose() // close the pool first, then drop: no "being accessed by other users"
        await dropShadow(main.connectionString, name)
      }
      return adapter
    },
  }
  return bindMigrationAwareSqlAdapterFactory(factory)
}

export async function dropShadow(connectionString, name) {
  if (!shadowDatabases.has(name)) return
  await withClient(connectionString, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`))
  shadowDatabases.delete(name)
}

/** Shadow databases the engine did not dispose (after an error or a panic): dropped on the way out. */
export async function dropLeftoverShadows(connectionString) {
  for (const name of [...shadowDatabases]) {
    try {
      await dropShadow(connectionString, name)
    } catch (e) {
      log('WARN', `could not drop shadow database ${name}: ${e.message}`)
    }
  }
}
