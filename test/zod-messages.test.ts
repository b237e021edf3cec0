// A 400's field messages are zod's English defaults whatever the process loaded first. zod
// registers them only when full zod builds its first schema, and zod/mini (the schemas forms share
// with routes) never does: lib/errors.ts, which every route's error path loads, sets them itself.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { POST } from '@/app/api/sync-issues/dismiss/route'
import { createSignedInMerchant, testRequest } from '@/test/factories'

const root = path.resolve(import.meta.dirname, '..')

/** The message zod/mini gives an unknown key, in a fresh process that loaded only `imports`. */
async function unknownKeyMessage(imports: string[]): Promise<string> {
  const script = [
    ...imports.map((m) => `import '${m}'`),
    `import * as z from 'zod/mini'`,
    `console.log(z.safeParse(z.strictObject({}), { extra: 1 }).error.issues[0].message)`,
  ].join('\n')
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, '--input-type=module', '--eval', script], { cwd: root })
  return stdout.trim()
}

test('zod/mini alone has no English messages; lib/errors.ts gives them', async () => {
  expect(await unknownKeyMessage([])).toBe('Invalid input')
  expect(await unknownKeyMessage(['@/lib/errors'])).toBe('Unrecognized key: "extra"')
})

test('a route names an unknown key in zod’s words (POST /api/sync-issues/dismiss)', async () => {
  const { cookie } = await createSignedInMerchant()
  const res = await POST(
    testRequest('/api/sync-issues/dismiss', { method: 'POST', cookie, body: { issueIds: ['00000000-0000-4000-8000-000000000000'], reason: 'fixed by hand', extra: 1 } }),
  )
  expect(res.status).toBe(400)
  expect(await res.json()).toEqual({ error: { code: 'bad_request', message: 'Invalid body: body', fields: { body: ['Unrecognized key: "extra"'] } } })
})
