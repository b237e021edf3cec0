import next from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

const config = [
  ...next,
  ...nextTs,
  { ignores: ['lib/generated/**', 'lib/backmarket/openapi.gen.ts', '.next/**', '.data/**', 'node_modules/**', 'test-results/**'] },
  {
    rules: {
      // `lib/backmarket` is the vendor boundary: it must never reach for the database.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['lib/backmarket/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/lib/db', '@/lib/generated/*', '**/generated/prisma/*', '@prisma/*'] }],
    },
  },
]

export default config
