// The audit shows what happened, and who did it: the fulfilment company's support opens Refurb
// Republic's dashboard and acts on it; Refurb Republic's admin invites someone and saves the Back
// Market token again; the admin's Audit page lists each of these, newest first, in English and
// then in French — and never the token.
import { expect, REFURB, shot, signIn, STAFF, test } from './support'

test('the audit lists the staff access, the invitation and the token saved, in English then in French', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const run = Date.now().toString(36)
  const invitee = { name: `Iris ${run}`, email: `iris-${run}@refurb-republic.example` }

  // Support opens the merchant's dashboard (read-only), acts as support, stops, goes back.
  const staffContext = await browser.newContext()
  const sam = await staffContext.newPage()
  await signIn(sam, STAFF, 'English', /\/staff/)
  await sam.getByRole('row').filter({ hasText: REFURB.name }).getByRole('button', { name: /Open dashboard/ }).click()
  await expect(sam.getByText(`Support view of ${REFURB.name} — read-only`)).toBeVisible()
  await sam.getByRole('button', { name: 'Act as support' }).click()
  await expect(sam.getByText(/acting as support/)).toBeVisible()
  await sam.getByRole('button', { name: 'Stop acting' }).click()
  await expect(sam.getByText(`Support view of ${REFURB.name} — read-only`)).toBeVisible()
  await sam.getByRole('button', { name: 'Back to merchants' }).click()
  await sam.waitForURL(/\/staff/)
  await staffContext.close()

  // The admin invites someone (Settings → Users) and saves the Back Market token again.
  await signIn(page, REFURB, 'English')
  await page.goto('/settings/users')
  await page.getByLabel('Email', { exact: true }).fill(invitee.email)
  await page.getByLabel('Name', { exact: true }).fill(invitee.name)
  await page.getByLabel('Role', { exact: true }).selectOption('VIEWER')
  await page.getByRole('button', { name: 'Invite', exact: true }).click()
  await expect(page.getByRole('textbox', { name: `Invitation link for ${invitee.email}` })).toBeVisible()
  await page.getByRole('button', { name: 'Done' }).click()

  await page.goto('/settings/back-market')
  await page.getByLabel('API token').fill(REFURB.token)
  await page.getByRole('button', { name: 'Save and connect' }).click()
  await expect(page.getByText(`Connected: the token ending in …${REFURB.token.slice(-4)} is saved. Orders are being imported.`)).toBeVisible()

  // The Audit tab, in English.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit' }).click()
  await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible()
  let rows = page.getByRole('table', { name: 'Audit trail' }).getByRole('row')
  await expect(rows.filter({ hasText: 'Back Market token saved' }).first()).toContainText('Anna Lefèvre')
  await expect(rows.filter({ hasText: 'User invited' }).filter({ hasText: invitee.email }).first()).toContainText('Anna Lefèvre')
  await expect(rows.filter({ hasText: 'Support opened the dashboard' }).first()).toContainText('Sam Carter')
  await expect(rows.filter({ hasText: 'Support started acting' }).first()).toContainText('Sam Carter')
  expect(await page.locator('main').innerText()).not.toContain(REFURB.token)
  await shot(page, 'audit-01-english')

  // The same page in French.
  await page.getByRole('button', { name: 'Français' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('heading', { name: 'Journal des modifications', level: 1 })).toBeVisible()
  rows = page.getByRole('table', { name: 'Journal des modifications' }).getByRole('row')
  await expect(rows.filter({ hasText: 'Jeton Back Market enregistré' }).first()).toContainText('Anna Lefèvre')
  await expect(rows.filter({ hasText: 'Utilisateur invité' }).first()).toBeVisible()
  await expect(rows.filter({ hasText: 'Le support a ouvert le tableau de bord' }).first()).toContainText('Sam Carter')
  await expect(rows.filter({ hasText: 'Le support agit sur le compte' }).first()).toContainText('Sam Carter')
  await shot(page, 'audit-02-french')
  // Back to English for the stories that follow (the choice is saved on the user).
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})
