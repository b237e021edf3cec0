// A merchant's developer looks up the public API before writing an integration: Settings → API
// reference shows every operation from the published OpenAPI document, with the scope each one
// needs, under the page's strict policy (the fixture fails on any CSP violation) and without
// loading anything from another origin; the document itself is public, for their code generator.
import type { Request } from '@playwright/test'
import { expect, expectNoSeriousAxeViolation, expectNoSidewaysScroll, PHOENIX, signIn, test } from './support'

test('the API reference renders the published document, offline, and the document is public', async ({ page }) => {
  const elsewhere: string[] = []
  const onRequest = (req: Request) => {
    const url = new URL(req.url())
    if (url.protocol.startsWith('http') && url.origin !== new URL(page.url()).origin) elsewhere.push(req.url())
  }
  await signIn(page, PHOENIX, 'English')
  // From here on, once the page is at our origin (sign-in's first navigation starts from about:blank).
  page.on('request', onRequest)
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API reference' }).click()
  await expect(page.getByRole('heading', { name: 'API reference', level: 1 })).toBeVisible()
  await expect(page.getByText('/api/v1', { exact: true })).toBeVisible()

  // Swagger UI renders the operations once it has read /api/v1/openapi.json.
  const readOrder = page.getByRole('button', { name: /Read an order/ })
  await expect(readOrder).toBeVisible()
  await expect(page.getByRole('button', { name: /Report what happened in the warehouse/ })).toBeVisible()
  await readOrder.click()
  await expect(page.getByText('Requires an API key with the scope').first()).toBeVisible()
  await expect(page.getByText('sync:read', { exact: true }).first()).toBeVisible()
  await expectNoSeriousAxeViolation(page)
  await expectNoSidewaysScroll(page)
  page.off('request', onRequest)
  expect(elsewhere).toEqual([])

  // Public: no cookie, no key.
  const res = await page.request.get('/api/v1/openapi.json', { headers: { cookie: '' } })
  expect(res.status()).toBe(200)
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> }
  expect(doc.openapi).toBe('3.1.0')
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/orders', '/orders/{reference}', '/warehouse/events']))
})
