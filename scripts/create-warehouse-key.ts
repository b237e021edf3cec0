// `npm run keys:warehouse -- --name "Main WMS"`: creates a warehouse key (scope warehouse:write, for
// every merchant) and prints it, the only time it exists in clear. `--list` shows the warehouse
// keys (prefix, never a secret); `--revoke <id>` revokes one. Support staff screens come in issue 10.
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createApiKey } from '@/lib/api-keys/create-api-key'
import type { AuditActor } from '@/lib/audit/actor'
import { revokeWarehouseKey } from '@/lib/api-keys/revoke-warehouse-key'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

// No signed-in person on the command line: the audit names the tool and the account that ran it.
const CLI_ACTOR: AuditActor = { kind: 'SYSTEM', id: null, name: `command line (keys:warehouse, ${userInfo().username})` }

const USAGE = 'usage: npm run keys:warehouse -- --name "<what it is for>" | --list | --revoke <id>'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { name: { type: 'string' }, list: { type: 'boolean' }, revoke: { type: 'string' } } })
  if (values.list) {
    const keys = await db.apiKey.findMany({ where: { kind: 'WAREHOUSE' }, orderBy: { createdAt: 'asc' } })
    for (const k of keys) {
      const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : `last used ${k.lastUsedAt?.toISOString() ?? 'never'}`
      console.log(`${k.id}  ${k.prefix}…  ${k.name}  (created ${k.createdAt.toISOString()}, ${state})`)
    }
    if (keys.length === 0) console.log('No warehouse key.')
    return
  }
  if (values.revoke !== undefined) {
    if (!z.uuid().safeParse(values.revoke).success) throw new AppError('bad_request', { userMessage: `--revoke takes a key id (a UUID, see --list). ${USAGE}` })
    const key = await revokeWarehouseKey({ id: values.revoke, actor: CLI_ACTOR })
    console.log(`Revoked warehouse key "${key.name}" (${key.id}) at ${key.revokedAt.toISOString()}.`)
    return
  }
  if (values.name === undefined) throw new AppError('bad_request', { userMessage: USAGE })
  const key = await createApiKey({ kind: 'WAREHOUSE', actor: CLI_ACTOR, name: values.name })
  console.log(`Warehouse key "${key.name}" created (id ${key.id}, scope warehouse:write).`)
  console.log('Give it to the WMS now: it is shown only this once (we keep its SHA-256).')
  console.log('')
  console.log(`  ${key.secret}`)
}

try {
  await main()
} catch (err) {
  console.error(`keys:warehouse failed: ${err instanceof AppError ? err.userMessage : (err as Error).message}`)
  process.exitCode = 1
} finally {
  await db.$disconnect()
}
