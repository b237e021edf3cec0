// When the page's JavaScript does not load (a slow network, a bundle refused, as the dev server
// did at 127.0.0.1), a merchant editing an address cannot lose it: Save waits for the page to be
// interactive, and Enter in a field does not post the form natively (which would reload the page
// without the edits and put the address in the URL).
import { expect, PHOENIX, signIn, test } from './support'

test('before the page is interactive the address form keeps what was typed: no native post', async ({ page }) => {
  await signIn(page, PHOENIX, 'English')
  const { orders } = (await (await page.request.get('/api/orders?status=CREATED')).json()) as { orders: { reference: string }[] }
  const reference = orders[0]?.reference
  if (!reference) throw new Error('the demo has no order waiting for our warehouse')

  // The HTML and its inline scripts arrive; the bundles that would hydrate it never do.
  await page.route('**/_next/static/chunks/**', (route) => route.abort())
  await page.goto(`/errors/${reference}`)
  const street = page.getByLabel('Street', { exact: true })
  await expect(page.getByRole('button', { name: 'Save and validate' })).toBeDisabled()
  await street.fill('1 rue du Test')
  // Enter in a field is how a form is submitted implicitly; give such a post the time to start.
  const navigated = page.waitForEvent('framenavigated', { timeout: 3_000 }).then(
    () => true,
    () => false,
  )
  await street.press('Enter')
  expect(await navigated).toBe(false)
  await expect(page).toHaveURL(new RegExp(`/errors/${reference}$`))
  await expect(street).toHaveValue('1 rue du Test')
})
