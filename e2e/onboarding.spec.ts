// A new merchant, end to end: the fulfilment company's support staff onboard it (name, market,
// its first admin) and get the invitation link; the admin opens it in their own browser, sets a
// password, and connects Back Market in Settings — a wrong token first, which the connection test
// refuses saying why, then the token of their Back Market account — and the orders waiting there
// are imported and listed.
import type { Browser, Page } from '@playwright/test'
import { expect, sandbox, shot, signIn, STAFF, test } from './support'

/** The new merchant's Back Market account in the sandbox, with a listing and `count` orders to accept. */
async function backMarketAccountWithOrders(token: string, name: string, count: number): Promise<number[]> {
  await sandbox.createAccount(token, name)
  const product = { sku: `E2E-IPH13-${token.slice(-6)}`, title: 'iPhone 13 128GB - Midnight - Unlocked', price: '369.00' }
  await sandbox.createListing({ token, sku: product.sku, quantity: 20, title: product.title, price: product.price })
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    const order = await sandbox.createOrder({
      token,
      date_creation: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      country_code: 'fr-fr',
      shipping_address: { first_name: 'Camille', last_name: `Martin ${i}`, street: '12 rue de la République', street2: '', postal_code: '69002', city: 'Lyon', country: 'FR', phone: '06 12 34 56 78' },
      lines: [{ sku: product.sku, product: product.title, price: product.price, quantity: 1, state: 1 }],
    })
    ids.push(order.order_id)
  }
  return ids
}

/** The admin's own browser: no cookie of the staff user's. */
async function adminBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' })
  return context.newPage()
}

test('staff onboard a merchant; its admin accepts the invitation, connects Back Market (a wrong token first) and orders import', async ({ page, browser }) => {
  test.setTimeout(240_000)
  const run = Date.now().toString(36)
  const merchant = `Second Life Phones ${run}`
  const admin = { name: 'Lina Moreau', email: `lina-${run}@second-life.example`, password: `lina-${run}-long-password` }
  const token = `e2e-token-second-life-${run}`
  const references = await backMarketAccountWithOrders(token, merchant, 3)

  // Staff: the Merchants overview, then Onboard.
  await signIn(page, STAFF, 'English', /\/staff/)
  await expect(page.getByRole('heading', { name: 'Merchants', level: 1 })).toBeVisible()
  await shot(page, 'onboarding-01-staff-merchants')
  await page.getByRole('link', { name: 'Onboard a merchant' }).click()
  await expect(page.getByRole('heading', { name: 'Onboard a merchant', level: 1 })).toBeVisible()
  const about = page.getByRole('group', { name: 'The merchant' })
  await about.getByLabel('Name').fill(merchant)
  // France is chosen to start with; the merchant also sells in Belgium.
  await expect(about.getByRole('checkbox', { name: /fr-fr/ })).toBeChecked()
  await about.getByRole('checkbox', { name: /fr-be/ }).check()
  await about.getByLabel('Time zone').selectOption('Europe/Paris')
  await about.getByLabel('Language').selectOption('en')
  const firstAdmin = page.getByRole('group', { name: 'Its first admin' })
  await firstAdmin.getByLabel('Name').fill(admin.name)
  await firstAdmin.getByLabel('Email').fill(admin.email)
  await shot(page, 'onboarding-02-staff-onboard-form')
  await page.getByRole('button', { name: 'Onboard and invite' }).click()

  // The link is shown once, to copy and send.
  const link = page.getByRole('textbox', { name: `${merchant} is onboarded. Invitation link for ${admin.email}` })
  await expect(link).toBeVisible()
  const url = await link.inputValue()
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/)
  await expect(page.getByText('It was not emailed (email is not set up here): send it yourself.')).toBeVisible()
  await shot(page, 'onboarding-03-staff-invitation-link')
  // Back on the overview, the new merchant is listed, not connected yet.
  await page.getByRole('button', { name: 'Back to merchants' }).click()
  await expect(page.getByRole('row').filter({ hasText: merchant })).toContainText('Not connected')

  // The admin, in their own browser, accepts: name kept, a password chosen, signed in.
  const lina = await adminBrowser(browser)
  await lina.goto(url)
  await expect(lina.getByRole('heading', { name: 'Join the dashboard', level: 1 })).toBeVisible()
  await expect(lina.getByText(merchant)).toBeVisible()
  await expect(lina.getByText(`Choose a password for ${admin.email}.`)).toBeVisible()
  await expect(lina.getByLabel('Your name')).toHaveValue(admin.name)
  await lina.getByLabel('Password', { exact: true }).fill(admin.password)
  await lina.getByLabel('Password again').fill(admin.password)
  await shot(lina, 'onboarding-04-admin-accepts-invitation')
  await lina.getByRole('button', { name: 'Join and sign in' }).click()
  await lina.waitForURL(/\/(orders|settings)/)

  // Not connected yet: Settings → Back Market says so.
  await lina.goto('/settings/back-market')
  await expect(lina.getByRole('heading', { name: 'Back Market connection', level: 1 })).toBeVisible()
  await expect(lina.getByText(/^Not connected: nothing is imported/)).toBeVisible()
  const tokenField = lina.getByLabel('Back Market API token')
  await expect(tokenField).toHaveAttribute('type', 'password')
  const checks = lina.getByRole('region', { name: /^Connection test/ })
  const check = (name: string) => checks.getByRole('listitem').filter({ hasText: name })

  // A wrong token first: the test says Back Market refused it (401, in its words) and nothing is saved.
  await tokenField.fill(`wrong-${token}`)
  await lina.getByRole('button', { name: 'Test connection' }).click()
  await expect(checks.getByText('Some checks failed.')).toBeVisible()
  await expect(check('Token accepted')).toContainText('Failed')
  await expect(check('Token accepted')).toContainText(/HTTP 401 — Back Market said: “.+”/)
  await expect(check('Orders readable')).toContainText('not checked: the token was refused first')
  await shot(lina, 'onboarding-05-wrong-token-refused')
  await lina.getByRole('button', { name: 'Save and connect' }).click()
  await expect(lina.getByText('Nothing was saved: this token did not pass every check below. The connection stays as it was.')).toBeVisible()
  await expect(lina.getByText(/^Not connected: nothing is imported/)).toBeVisible()

  // The right one: every check passes, then Save and connect.
  await tokenField.fill(token)
  await lina.getByRole('button', { name: 'Test connection' }).click()
  await expect(checks.getByText('Every check passed.')).toBeVisible()
  for (const name of ['Token accepted', 'Our User-Agent accepted', 'Orders readable', 'Listings readable']) await expect(check(name)).toContainText('OK')
  await lina.getByRole('button', { name: 'Save and connect' }).click()
  await expect(lina.getByText(`Connected: the token ending in …${token.slice(-4)} is saved. Orders are being imported.`)).toBeVisible()
  // The token itself is never shown back.
  expect(await lina.locator('main').innerText()).not.toContain(token)
  await shot(lina, 'onboarding-06-connected')

  // The import runs (every minute, or at once after connecting): the orders are listed.
  await expect(async () => {
    await lina.goto('/orders')
    for (const reference of references) await expect(lina.getByRole('link', { name: String(reference), exact: true })).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 120_000, intervals: [2_000] })
  await shot(lina, 'onboarding-07-orders-imported')
  await lina.goto('/settings/back-market')
  await expect(lina.getByRole('region', { name: 'Import health' })).toContainText('Succeeded')
  await shot(lina, 'onboarding-08-import-health')

  // The account's audit says what happened to it so far, and who did each step.
  await lina.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit' }).click()
  const trail = lina.getByRole('table', { name: 'Audit trail' }).getByRole('row')
  await expect(trail.filter({ hasText: 'Merchant onboarded' })).toContainText('Sam Carter')
  await expect(trail.filter({ hasText: 'User invited' })).toContainText('Sam Carter')
  await expect(trail.filter({ hasText: 'Invitation accepted' })).toContainText(admin.name)
  await expect(trail.filter({ hasText: 'Back Market token saved' })).toContainText(admin.name)
  expect(await lina.locator('main').innerText()).not.toContain(token)
  await shot(lina, 'onboarding-09-audit')
  await lina.context().close()
})
