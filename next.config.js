// @ts-check
// Plain JavaScript (ESM): Node imports this file as it is, so it imports only JavaScript — the
// fixed security headers live in lib/security/fixed-headers.js for that reason.
import createNextIntlPlugin from 'next-intl/plugin'
import { headersWithPolicy, MINIMAL_CONTENT_SECURITY_POLICY } from './lib/security/fixed-headers.js'

// What proxy.ts never sees (its matcher skips them): Next's bundles and images, and files with an
// extension (the icon). None is a page, so they get the minimal policy, no nonce.
const STATIC_HEADERS = Object.entries(headersWithPolicy(MINIMAL_CONTENT_SECURITY_POLICY, false)).map(([key, value]) => ({ key, value }))

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or worker-thread packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: ['pino', '@node-rs/argon2', 'pg', 'pg-boss', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: a page a role may not open answers 403 (lib/auth/require-user.ts).
  experimental: { authInterrupts: true },
  // scripts/dev.ts sets it for a second stack (DEV_STACK): two `next dev` cannot share one folder.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
  typedRoutes: false,
  // The dev server serves its bundles and hot reloading only to `localhost` by default; a page
  // opened at http://127.0.0.1:3000 then never hydrated (every form posted natively). Loopback
  // is as private as localhost, so it is allowed too.
  allowedDevOrigins: ['127.0.0.1', '[::1]'],
  async headers() {
    return ['/_next/static/:path*', '/_next/image', '/:file(.*\\.[a-zA-Z0-9]+)'].map((source) => ({ source, headers: STATIC_HEADERS }))
  },
}

export default createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  // Messages are compiled at build time, so the browser gets no ICU parser (next-intl's
  // experimental precompile: ~5 kB gzip off every page's first JavaScript, docs/benchmarks.md).
  // Outside Next (tests, the worker) the same JSON files are read and parsed at runtime as before.
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
})(nextConfig)
