// Applies the committed SQL migrations to a fresh database, in order. Tests use this to build
// their database in milliseconds; everything else runs `prisma migrate deploy` on the same files.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

export async function applyMigrations(databaseUrl: string, dir = path.resolve('prisma/migrations')): Promise<number> {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    for (const folder of folders) await client.query(readFileSync(path.join(dir, folder, 'migration.sql'), 'utf8'))
  } finally {
    await client.end()
  }
  return folders.length
}

export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}
