#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary (see
// docs/decisions/0001-prisma-offline-schema-engine.md). The Prisma CLI runs it
// through PRISMA_SCHEMA_ENGINE_BINARY; it speaks the CLI's protocol and
// delegates the real work to the WebAssembly engine from
// @prisma/schema-engine-wasm, which talks to PostgreSQL through @prisma/adapter-pg.
//
// Two modes, like the native binary:
//   schema-engine [--datamodels <path>]... [--datasource <json>]   JSON-RPC over stdin/stdout
//   schema-engine --datasource <json> cli <can-connect-to-database|create-database|drop-database>
//   schema-engine --version
import { readFileSync, appendFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils'

const require = createRequire(import.meta.url)

// ---------------------------------------------------------------- logging
// The CLI reads every stderr line as a JSON log {level, target, fields}; it keeps
// the last ERROR's fields (message, error_code) for its error output.
// The CLI swallows that stderr; set PRISMA_ENGINE_LOG=<file> to keep a copy
// (with the JSON-RPC traffic) when debugging.
const traceFile = process.env.PRISMA_ENGINE_LOG
const trace = (line) => traceFile && appendFileSync(traceFile, `[${process.pid}] ${line}\n`)
function log(level, message, extra = {}) {
  const line = JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target: 'schema_engine::logger',
  })
  trace(line)
  process.stderr.write(line + '\n')
}

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, cli: undefined, version: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--datamodels') out.datamodels.push(argv[++i])
    else if (a === '--datasource') out.datasource = JSON.parse(argv[++i])
    else if (a === '--enabled-preview-features' || a === '--extension-types') i++ // not used by the WASM engine
    else if (a === '--version' || a === '-V') out.version = true
    else if (a === 'cli') out.cli = argv[++i]
  }
  return out
}

// Prisma URLs may carry `?schema=name`; pg would ignore it, adapter-pg wants it as an option.
function splitUrl(url) {
  const u = new URL(url)
  const schema = u.searchParams.get('schema') ?? undefined
  u.searchParams.delete('schema')
  return { connectionString: u.toString(), schema, database: decodeURIComponent(u.pathname.slice(1)) || 'postgres' }
}
// adapter-pg only reports `schema` to the engine; the native engine also makes it
// the search_path, so that unqualified migration SQL lands in that schema.
function pgConfig({ connectionString, schema }) {
  return schema ? { connectionString, options: `-c search_path=${quoteIdent(schema)}` } : { connectionString }
}
function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = '/' + encodeURIComponent(database)
  return u.toString()
}
const quoteIdent = (s) => '"' + String(s).replaceAll('"', '""') + '"'

async function withClient(connectionString, fn) {
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
function connectionErrorCode(e, database) {
  if (e?.code === '3D000') return ['P1003', `Database \`${database}\` does not exist`]
  if (e?.code === '42P04') return ['P1009', `Database \`${database}\` already exists`]
  if (e?.code === '28P01' || e?.code === '28000') return ['P1000', `Authentication failed against the database server: ${e.message}`]
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(e?.code))
    return ['P1001', `Can't reach database server: ${e.message}`]
  return ['P1000', e?.message ?? String(e)]
}

// ---------------------------------------------------------------- `cli` mode
async function runCli(sub, datasource) {
  // The CLI drops the first stderr line of a `cli` sub-command: make it a throwaway.
  log('INFO', `schema-engine (wasm wrapper) cli ${sub}`)
  const url = datasource?.url
  if (!url) {
    log('ERROR', 'No datasource url given', { error_code: 'P1012' })
    return 1
  }
  const { connectionString, database } = splitUrl(url)
  // create/drop run against the maintenance database: the target may not exist.
  const admin = withDatabase(connectionString, 'postgres')
  try {
    if (sub === 'can-connect-to-database') {
      await withClient(connectionString, (c) => c.query('SELECT 1'))
    } else if (sub === 'create-database') {
      await withClient(admin, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`))
      process.stdout.write(`Database '${database}' was successfully created.\n`)
    } else if (sub === 'drop-database') {
      await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`))
      process.stdout.write(`The database '${database}' was successfully dropped.\n`)
    } else {
      log('ERROR', `Unknown cli sub-command: ${sub}`)
      return 1
    }
    return 0
  } catch (e) {
    const [code, message] = connectionErrorCode(e, database)
    log('ERROR', message, { error_code: code })
    return 1
  }
}

// ---------------------------------------------------------------- WASM engine
async function loadWasmEngine() {
  // The package's entry imports the .wasm as an ES module, which Node 20 can't do
  // without a flag: instantiate it ourselves and hand it to the generated glue.
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
  const bg = await import(gluePath)
  const bytes = readFileSync(join(dirname(gluePath), 'schema_engine_bg.wasm'))
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg })
  bg.__wbg_set_wasm(instance.exports)
  instance.exports.__wbindgen_start?.()
  return bg
}

// A Rust panic calls PRISMA_WASM_PANIC_REGISTRY.set_message before the wasm traps;
// without this global the trap surfaces as an unrelated TypeError.
let lastPanic = null
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanic = message
  },
}
// A panic inside a WASM future surfaces as an uncaught RuntimeError, not as a
// rejection of the pending call: report it the way the native engine does
// (ERROR log with the panic message, exit code 101 = "[EXIT_PANIC]" in the CLI).
process.on('uncaughtException', (e) => {
  log('ERROR', lastPanic ?? e?.message ?? String(e), { is_panic: true, backtrace: e?.stack })
  shutdown(101)
})
// The CLI ends stdin and SIGTERMs us right away when it is done.
process.on('SIGTERM', () => shutdown(0))

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

const shadowDatabases = new Set()

function makeAdapterFactory(datasource) {
  const url = datasource?.url ?? ''
  const main = url ? splitUrl(url) : { connectionString: undefined, schema: undefined }
  const options = main.schema ? { schema: main.schema } : undefined
  const base = new PrismaPg(pgConfig(main), options)

  const connectPatched = async (factory) => {
    const adapter = await factory.connect()
    patchCharType(adapter)
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

async function dropShadow(connectionString, name) {
  if (!shadowDatabases.has(name)) return
  await withClient(connectionString, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`))
  shadowDatabases.delete(name)
}

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

// ---------------------------------------------------------------- JSON-RPC mode
// Errors thrown by the WASM engine carry the user-facing error as JSON in
// their message ({is_panic, message, meta, error_code}) or as fields.
// JS errors thrown inside the adapter reach the engine as "External error id#N";
// the original is kept in the bound factory's errorRegistry.
let externalErrors = null
const explainExternal = (msg) =>
  msg.replace(/External error id#(\d+)/g, (m, id) => {
    const entry = externalErrors?.consumeError?.(Number(id))
    return entry?.error?.message ?? m
  })

function toUserFacing(e) {
  if (e && typeof e === 'object' && ('error_code' in e || 'is_panic' in e) && 'message' in e) return e
  const msg = explainExternal(e?.message ?? String(e))
  // SchemaConnectorError: the Prisma error code is in `code`; the message ends with
  // a span trace ("   0: schema_engine_wasm::...") that the native engine doesn't show.
  if (e?.name === 'SchemaConnectorError' || /^P\d{4}$/.test(e?.code ?? '')) {
    return {
      is_panic: false,
      message: msg.replace(/\n\s+0: \w+::[\s\S]*$/, ''),
      meta: e.meta ?? null,
      error_code: /^P\d{4}$/.test(e?.code ?? '') ? e.code : null,
    }
  }
  try {
    const parsed = JSON.parse(msg)
    if (parsed && typeof parsed === 'object' && 'message' in parsed) return parsed
  } catch {}
  if (e instanceof WebAssembly.RuntimeError || lastPanic) {
    const m = lastPanic ?? msg
    lastPanic = null
    return { is_panic: true, message: m, backtrace: e?.stack ?? null }
  }
  return { is_panic: false, message: msg, meta: null, error_code: null }
}

const isMissingMigrationsTable = (uf) =>
  uf?.error_code === 'P1014' && /_prisma_migrations/.test(JSON.stringify(uf))

async function runServer(args) {
  const datamodels = args.datamodels.map((p) => [p, readFileSync(p, 'utf8')])
  const adapterFactory = makeAdapterFactory(args.datasource)
  externalErrors = adapterFactory.errorRegistry
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

let shuttingDown = false
async function shutdown(code = 0) {
  if (shuttingDown) return
  shuttingDown = true
  // Shadow databases the engine did not dispose (after an error or a panic): drop them.
  for (const name of [...shadowDatabases]) {
    try {
      await dropShadow(splitUrl(parsed.datasource.url).connectionString, name)
    } catch (e) {
      log('WARN', `could not drop shadow database ${name}: ${e.message}`)
    }
  }
  process.exit(code)
}

// ---------------------------------------------------------------- main
const parsed = parseArgs(process.argv.slice(2))
if (parsed.version) {
  const wasm = await loadWasmEngine()
  process.stdout.write(`schema-engine-cli ${wasm.version()} (wasm)\n`)
} else if (parsed.cli) {
  process.exitCode = await runCli(parsed.cli, parsed.datasource)
} else {
  await runServer(parsed)
}
