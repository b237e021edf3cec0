import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const nextConfig: NextConfig = {
  // Native or worker-thread packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: ['pino', '@node-rs/argon2', 'pg', 'pg-boss', '@prisma/adapter-pg'],
  poweredByHeader: false,
  typedRoutes: false,
}

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig)
