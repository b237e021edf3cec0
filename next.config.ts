import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const nextConfig: NextConfig = {
  // Native or worker-thread packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: ['pino', '@node-rs/argon2', 'pg', 'pg-boss', '@prisma/adapter-pg'],
  poweredByHeader: false,
  typedRoutes: false,
}

export default createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  // Messages are compiled at build time, so the browser gets no ICU parser (next-intl's
  // experimental precompile: ~5 kB gzip off every page's first JavaScript, docs/benchmarks.md).
  // Outside Next (tests, the worker) the same JSON files are read and parsed at runtime as before.
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
})(nextConfig)
