// A merchant gives their ERP a key: creates it in Settings with the scopes it needs, copies it
// from the one screen that ever shows it, and the ERP reads orders with it. Later they revoke it,
// and the same call is refused. (Phone Phoenix reads the dashboard in English.)
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousAxeViolation, expectNoSidewaysScroll, PHOENIX, signIn, test } from './support'

/** What the ERP does: a plain server-to-server call with the key, no cookie, no Origin. */
async function erpReadsOrders(page: Page, key: string): Promise<number> {
  const res = await page.request.get('/api/v1/orders?limit=1', { headers: { authorization: `Bearer ${key}`, cookie: '' } })
  return res.status()
}

test('create an API key, see it once, use it, revoke it', async ({ page }) => {
  const name = `ERP ${Date.now()}`
  await signIn(page, PHOENIX, 'English')
  // Settings opens on the user's own profile; API keys is an admin's tab.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible()
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' }).click()
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page')
  await expectNoSeriousAxeViolation(page)
  await expectNoSidewaysScroll(page)

  // The form says what is missing before anything is sent.
  await page.getByRole('checkbox', { name: /sync:read/ }).uncheck()
  await page.getByRole('button', { name: 'Create key' }).click()
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/Enter a name\./)
  await expect(page.getByText('Choose at least one.')).toBeVisible()

  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByRole('checkbox', { name: /sync:read/ }).check()
  await page.getByRole('button', { name: 'Create key' }).click()
  const shown = page.getByRole('textbox', { name: 'Your new API key' })
  await expect(shown).toHaveAccessibleDescription(/shown only this once/)
  const key = await shown.inputValue()
  expect(key).toMatch(/^bmk_live_[0-9A-Za-z]{32}$/)
  await expectNoSeriousAxeViolation(page)

  expect(await erpReadsOrders(page, key)).toBe(200)
  // The key's scope is read-only: asking for a re-sync is refused, naming the scope it lacks.
  const resync = await page.request.post('/api/v1/orders/1/sync', { headers: { authorization: `Bearer ${key}`, cookie: '' } })
  expect(resync.status()).toBe(403)

  await page.getByRole('button', { name: 'I have saved it' }).click()
  const row = page.getByRole('listitem', { name })
  await expect(row).toContainText(key.slice(0, 12))
  await page.reload()
  await expect(row.getByText('last used')).toBeVisible()
  expect(await page.locator('body').innerText()).not.toContain(key)

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain(`Revoke the key "${name}"?`)
    void dialog.accept()
  })
  await row.getByRole('button', { name: `Revoke ${name}` }).click()
  await expect(row.getByText('Revoked', { exact: true })).toBeVisible()
  expect(await erpReadsOrders(page, key)).toBe(401)
  await expectNoSidewaysScroll(page)
})
