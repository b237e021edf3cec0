// `schema-engine [--datamodels <path>]... [--datasource <json>]`: the JSON-RPC server the CLI
// talks to over stdin/stdout, one request at a time, like the native engine.
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { makeAdapterFactory } from './adapter.mjs'
import { log, trace } from './log.mjs'
import { quoteIdent, splitUrl, withClient, withDatabase } from './postgres.mjs'
import { isMissingMigrationsTable, setExternalErrors, toUserFacing } from './user-facing-error.mjs'
import { loadWasmEngine } from './wasm-engine.mjs'

// The native engine's DDL for the migrations table (PostgreSQL connector).
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`

/** Serves until the CLI closes stdin, then calls `shutdown`. */
export async function runServer(args, shutdown) {
  const datamodels = args.datamodels.map((p) => [p, readFileSync(p, 'utf8')])
  const adapterFactory = makeAdapterFactory(args.datasource)
  setExternalErrors(adapterFactory.errorRegistry)
  const wasm = await loadWasmEngine()
  let enginePromise = null
  const engine = () =>
    (enginePromise ??= wasm.SchemaEngine.new(
      { datamodels: datamodels.length ? datamodels : undefined },
      // The engine's own log lines are already in the CLI's JSON format.
      (line) => {
        const text = String(line).trimEnd()
        trace(text)
        if (text) process.stderr.write(text + '\n')
      },
      adapterFactory,
    ))

  let nextOutgoingId = 1_000_000
  const pendingOutgoing = new Map()
  const send = (msg) => {
    const line = JSON.stringify(msg)
    trace(`-> ${line.slice(0, 2000)}`)
    process.stdout.write(line + '\n')
  }
  // Ask the CLI to print something (the native engine's `print` request).
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextOutgoingId++
      pendingOutgoing.set(id, resolve)
      send({ jsonrpc: '2.0', id, method: 'print', params: { content } })
    })

  async function call(method, params) {
    const e = await engine()
    switch (method) {
      case 'getDatabaseVersion':
        return e.version(params ?? null)
      case 'createDatabase': {
        const ds = params?.datasource
        const url = ds?.tag === 'ConnectionString' ? ds.url : args.datasource?.url
        const { connectionString, database } = splitUrl(url)
        await withClient(withDatabase(connectionString, 'postgres'), (c) =>
          c.query(`CREATE DATABASE ${quoteIdent(database)}`),
        )
        return { databaseName: database }
      }
      case 'diff': {
        // The WASM engine returns the diff as `stdout` in its result; the CLI only
        // prints what arrives as `print` requests.
        const result = await e.diff(params)
        if (result?.stdout) await print(result.stdout.replace(/\n$/, ''))
        return { exitCode: result?.exitCode ?? 0 }
      }
      case 'applyMigrations':
      case 'createMigration':
      case 'dbExecute':
      case 'devDiagnostic':
      case 'diagnoseMigrationHistory':
      case 'ensureConnectionValidity':
      case 'evaluateDataLoss':
      case 'introspect':
      case 'introspectSql':
      case 'markMigrationApplied':
      case 'markMigrationRolledBack':
      case 'reset':
      case 'schemaPush':
      case 'debugPanic': {
        const result = await e[method](params ?? {})
        return result ?? {}
      }
      default:
        throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 })
    }
  }

  async function callWithRetry(method, params) {
    try {
      return await call(method, params)
    } catch (err) {
      const uf = toUserFacing(err)
      // The WASM engine reports a missing _prisma_migrations table as P1014 where the
      // native one treats the database as "not yet initialised": create the table
      // (same DDL as the engine's) and try once more.
      if (isMissingMigrationsTable(uf) && args.datasource?.url) {
        log('INFO', 'creating _prisma_migrations (P1014 from the WASM engine) and retrying')
        const { connectionString, schema } = splitUrl(args.datasource.url)
        await withClient(connectionString, async (c) => {
          if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`)
          await c.query(schema ? MIGRATIONS_TABLE_DDL.replace('"_prisma_migrations"', `${quoteIdent(schema)}."_prisma_migrations"`) : MIGRATIONS_TABLE_DDL)
        })
        return await call(method, params)
      }
      // evaluateDataLoss/createMigration only get the shadow database from the engine's
      // migration-schema cache, which diagnoseMigrationHistory fills (keyed by the
      // applied migrations). When `migrate dev` has just applied migrations the cache
      // misses and the WASM engine has no other way to a shadow database: fill it
      // with a shadow-enabled diagnosis over the same list, then retry.
      if (/shadow DB must be provided through an external factory/.test(uf.message) && params?.migrationsList) {
        log('INFO', `priming the migration schema cache before retrying ${method}`)
        const e = await engine()
        await e.diagnoseMigrationHistory({
          migrationsList: params.migrationsList,
          optInToShadowDatabase: true,
          filters: params.filters ?? { externalTables: [], externalEnums: [] },
        })
        return await call(method, params)
      }
      throw err
    }
  }

  let queue = Promise.resolve()
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
  rl.on('line', (line) => {
    if (!line.trim()) return
    trace(`<- ${line.slice(0, 2000)}`)
    let msg
    try {
      msg = JSON.parse(line)
    } catch {
      return send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })
    }
    // A response from the CLI to one of our `print` requests.
    if (msg.method === undefined && pendingOutgoing.has(msg.id)) {
      pendingOutgoing.get(msg.id)()
      pendingOutgoing.delete(msg.id)
      return
    }
    // Run requests one at a time, like the native engine.
    queue = queue.then(async () => {
      try {
        const result = await callWithRetry(msg.method, msg.params)
        send({ jsonrpc: '2.0', id: msg.id, result })
      } catch (err) {
        if (err?.rpcCode) return send({ jsonrpc: '2.0', id: msg.id, error: { code: err.rpcCode, message: err.message } })
        const uf = toUserFacing(err)
        trace(`error in ${msg.method}: ${err?.stack ?? err} code=${err?.code}`)
        log('ERROR', uf.message, uf.error_code ? { error_code: uf.error_code } : {})
        send({
          jsonrpc: '2.0',
          id: msg.id,
          // For panics the CLI shows `error.message`; otherwise `data.message`.
          error: { code: 4466, message: uf.is_panic ? uf.message : 'An error happened. Check the data field for details.', data: uf },
        })
      }
    })
  })
  rl.on('close', () => {
    // Nobody is left to acknowledge a `print`.
    for (const resolve of pendingOutgoing.values()) resolve()
    pendingOutgoing.clear()
    queue.then(shutdown, shutdown)
  })
}
