// The dependency rules of eslint.config.mjs, each shown failing on a deliberate violation and
// passing on what it allows. Snippets are linted as if they were files at the given paths, so the
// rules see `@/…` aliases and relative paths resolved exactly as `npx eslint .` does.
import path from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const RULES = ['layers/no-restricted-paths-except-types', 'import/no-restricted-paths', 'no-restricted-imports']

let eslint: ESLint
beforeAll(async () => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') })
  await eslint.lintText('', { filePath: path.join(root, 'lib/warm-up.ts') })
}, 60_000)

/** Our layering rules' complaints about `code` placed at `file`. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  expect(result!.messages.filter((m) => m.fatal)).toEqual([])
  return result!.messages.filter((m) => m.ruleId !== null && RULES.includes(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`)
}

const DATABASE = /layers\/no-restricted-paths-except-types: .*The database is reached only from lib\//
const VENDOR = /layers\/no-restricted-paths-except-types: .*The Back Market client is built and called only in lib\/sync\//
const LIB_UPWARD = /import\/no-restricted-paths: .*lib\/ is below app\/ and components\//
const COMPONENTS_UPWARD = /import\/no-restricted-paths: .*components\/ is below app\//
const VENDOR_DATABASE = /import\/no-restricted-paths: .*lib\/backmarket is the vendor boundary/
const STORY_TEST = /no-restricted-imports: .*Take `test` from '\.\/support'/

test.each([
  ['a component reaches the database by alias', 'components/orders/x.tsx', "import { db } from '@/lib/db'", DATABASE],
  ['a component reaches the database by a relative path', 'components/orders/x.tsx', "import { db } from '../../lib/db'", DATABASE],
  ['a route handler queries with the generated client', 'app/api/x/route.ts', "import { PrismaClient } from '@/lib/generated/prisma/client'", DATABASE],
  ['a page imports Prisma itself', 'app/(dashboard)/x/page.tsx', "import { PrismaClient } from '@prisma/client'", DATABASE],
  ['a root file reaches the database', 'proxy.ts', "import { db } from './lib/db'", DATABASE],
  ['an inline `type` specifier keeps the import (only `import type` is erased)', 'components/orders/x.tsx', "import { type OrderStatus } from '@/lib/generated/prisma/enums'", DATABASE],
  ['a component builds a Back Market client', 'components/sync/x.tsx', "import { BackMarketClient } from '@/lib/backmarket/client'", VENDOR],
  ['a route handler calls Back Market itself', 'app/api/x/route.ts', "import { request } from '@/lib/backmarket/transport'", VENDOR],
  ['a lib area other than sync calls Back Market', 'lib/orders/x.ts', "import { BackMarketClient } from '../backmarket/client'", VENDOR],
  ['a test helper builds a client (only lib/sync may)', 'test/x.ts', "import { BackMarketClient } from '@/lib/backmarket/client'", VENDOR],
  ['lib imports a component, even for a type', 'lib/sync/x.ts', "import type { BulkDismissResult } from '@/components/sync/api/dismiss-sync-issues'", LIB_UPWARD],
  ['lib imports a route by a relative path', 'lib/orders/x.ts', "import { GET } from '../../app/api/health/route'", LIB_UPWARD],
  ['a component imports a route', 'components/orders/x.tsx', "import { GET } from '@/app/api/health/route'", COMPONENTS_UPWARD],
  ['lib/backmarket reaches the database by a relative path', 'lib/backmarket/x.ts', "import { db } from '../db'", VENDOR_DATABASE],
  ['lib/backmarket names a database type', 'lib/backmarket/x.ts', "import type { OrderStatus } from '@/lib/generated/prisma/enums'", VENDOR_DATABASE],
  ['a browser story takes Playwright’s own test (no CSP check)', 'e2e/x.spec.ts', "import { test, expect } from '@playwright/test'", STORY_TEST],
])('refused: %s', async (_name, file, code, rule) => {
  const found = await violations(file, code)
  expect(found).toHaveLength(1)
  expect(found[0]).toMatch(rule)
})

test.each([
  ['a component names a database type', 'components/orders/x.tsx', "import type { OrderStatus } from '@/lib/generated/prisma/enums'"],
  ['a component names the client type', 'components/sync/x.tsx', "import type { BackMarketClient } from '@/lib/backmarket/client'"],
  ['a component uses a route contract and a pure vendor module', 'components/sync/x.tsx', "import { DismissReasonSchema } from '@/lib/sync/dismiss-input'\nimport { BackMarketError } from '@/lib/backmarket/errors'"],
  ['lib/sync joins the client and the database', 'lib/sync/x.ts', "import { BackMarketClient } from '../backmarket/client'\nimport { db } from '@/lib/db'"],
  ['lib/backmarket uses its own transport', 'lib/backmarket/x.ts', "import { request } from './transport'"],
  ['a lib area queries the database', 'lib/orders/x.ts', "import { db } from '../db'\nimport { Prisma } from '@/lib/generated/prisma/client'"],
  ['a route test sets up rows', 'app/api/x/route.test.ts', "import { db } from '@/lib/db'"],
  ['a script uses the database', 'scripts/x.ts', "import { db } from '@/lib/db'"],
  ['the seed uses the database', 'prisma/seed.ts', "import { db } from '@/lib/db'"],
  ['a route calls a lib operation', 'app/api/x/route.ts', "import { getSyncAttemptOrThrow } from '@/lib/sync/get-sync-attempt'"],
  ['a browser story takes test from its support file, types from Playwright', 'e2e/x.spec.ts', "import type { Page } from '@playwright/test'\nimport { test, expect } from './support'"],
])('allowed: %s', async (_name, file, code) => {
  expect(await violations(file, code)).toEqual([])
})
