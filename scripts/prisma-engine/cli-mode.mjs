// `schema-engine --datasource <json> cli <sub-command>`: what the CLI asks outside JSON-RPC.
import { log } from './log.mjs'
import { connectionErrorCode, quoteIdent, splitUrl, withClient, withDatabase } from './postgres.mjs'

export async function runCli(sub, datasource) {
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
