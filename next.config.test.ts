// The dev server's own cross-origin guard, run with our configuration: a page opened at a loopback
// address must get its bundles (else it never hydrates), a foreign site must not.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { blockCrossSiteDEV } from 'next/dist/server/lib/router-utils/block-cross-site-dev'
import { expect, test, vi } from 'vitest'
import nextConfig from './next.config.js'

function devAssetRequest(origin: string) {
  const req = { url: '/_next/static/chunks/main-app.js', headers: { origin, 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-origin' } }
  const res = { statusCode: 200, end: vi.fn() }
  // Started as `next dev -p 3000`: no hostname of its own, as scripts/dev.ts starts it.
  const blocked = blockCrossSiteDEV(req as unknown as IncomingMessage, res as unknown as ServerResponse, nextConfig.allowedDevOrigins, undefined)
  return { blocked, status: res.statusCode }
}

test('the dev server gives its bundles to pages opened at localhost, 127.0.0.1 or [::1]', () => {
  // Next warns once on the console for a blocked origin; a failure here shows as that warning too.
  for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
    expect(devAssetRequest(origin), origin).toEqual({ blocked: false, status: 200 })
  }
})

test('and still refuses them to any other site', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  try {
    expect(devAssetRequest('https://evil.example')).toEqual({ blocked: true, status: 403 })
  } finally {
    warn.mockRestore()
  }
})
