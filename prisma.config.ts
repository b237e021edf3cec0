// Prisma CLI configuration. The CLI needs a schema engine; on machines without
// Prisma's binary host we point it at our WebAssembly wrapper (scripts/prisma-engine).
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
})
