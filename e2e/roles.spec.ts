// Roles in the browser: a viewer of Refurb Republic reads everything but cannot re-sync (the
// button stays, disabled, saying why and whom to ask), cannot open an admin page (403 page), and
// sees no Audit tab; an operator of the same merchant can re-sync. The server refuses the viewer's
// call too: the button is only the first of two locks.
import { expect, findSandboxOrder, fromPage, literal, REFURB, shot, signIn, test } from './support'

test('a viewer cannot re-sync, cannot open Settings → Users, and sees no Audit tab', async ({ page }) => {
  const order = await findSandboxOrder(REFURB.token, (o) => o.state === 1)
  const reference = String(order.order_id)
  await signIn(page, REFURB.viewer, 'English')

  // The tabs a viewer has: no Audit; in Settings, their profile and the API reference only.
  const sections = page.getByRole('navigation', { name: 'Sections' })
  await expect(sections.getByRole('link', { name: 'Orders' })).toBeVisible()
  await expect(sections.getByRole('link', { name: 'Audit' })).toHaveCount(0)

  await page.goto(`/orders/${reference}`)
  await expect(page.getByRole('heading', { name: `Order ${reference}`, level: 1 })).toBeVisible()
  const resync = page.getByRole('button', { name: 'Re-sync with Back Market' })
  await expect(resync).toBeDisabled()
  const reason = 'Your role (viewer) can’t re-sync orders — ask an admin of Refurb Republic.'
  await expect(resync).toHaveAccessibleDescription(new RegExp(`^${literal(reason)}`))
  await expect(page.getByText(reason)).toBeVisible()
  await shot(page, 'roles-01-viewer-resync-disabled')

  // Clicking sends nothing, and the API refuses the call outright: 403 forbidden, for the role.
  const sent: string[] = []
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname.includes('/sync')) sent.push(req.url())
  })
  await resync.click({ force: true })
  await expect(resync).toHaveText('Re-sync with Back Market')
  expect(sent).toEqual([])
  const direct = await page.request.post(`/api/orders/${reference}/sync`, { headers: fromPage(page), data: {} })
  expect(direct.status()).toBe(403)
  expect(await direct.json()).toMatchObject({ error: { code: 'forbidden' } })

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click()
  const settingsTabs = page.getByRole('navigation', { name: 'Settings' })
  await expect(settingsTabs.getByRole('link', { name: 'Profile' })).toBeVisible()
  for (const adminTab of ['Back Market', 'Users', 'API keys', 'Webhooks']) await expect(settingsTabs.getByRole('link', { name: adminTab })).toHaveCount(0)

  // Typed by hand, an admin page answers 403 and says what it needs.
  for (const adminPage of ['/settings/users', '/audit', '/settings/back-market']) {
    const res = await page.goto(adminPage)
    expect(res?.status(), adminPage).toBe(403)
    await expect(page.getByRole('heading', { name: 'You can’t open this page', level: 1 })).toBeVisible()
  }
  await page.goto('/settings/users')
  await expect(page.getByText('This page needs an admin of Refurb Republic. Your role is viewer')).toBeVisible()
  await shot(page, 'roles-02-viewer-settings-users-403')
  await page.getByRole('link', { name: 'Back to orders' }).click()
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible()
})

test('an operator of the same merchant can re-sync, but has no admin tabs', async ({ page }) => {
  const order = await findSandboxOrder(REFURB.token, (o) => o.state === 1)
  await signIn(page, REFURB.operator, 'English')
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit' })).toHaveCount(0)
  await page.goto(`/orders/${order.order_id}`)
  const resync = page.getByRole('button', { name: 'Re-sync with Back Market' })
  await expect(resync).toBeEnabled()
  await expect(page.getByText(/can’t re-sync orders/)).toHaveCount(0)
  expect((await page.goto('/settings/users'))?.status()).toBe(403)
})
