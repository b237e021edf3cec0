// A merchant finds an order blocked by its address in the Errors tab, fixes it with a one-click
// suggestion, saves, and watches the sale being accepted on Back Market. (Refurb Republic reads
// the dashboard in French.)
import { expect, expectNoSeriousAxeViolation, expectNoSidewaysScroll, fromPage, REFURB, sandbox, signIn, test } from './support'

type SandboxOrder = { order_id: number; state: number; shipping_address: { street: string }; orderlines: { state: number }[] }

async function sandboxOrders(): Promise<SandboxOrder[]> {
  return ((await sandbox.state(REFURB.token)) as { orders: SandboxOrder[] }).orders
}

test('fix a blocked address with a suggestion; the order is validated and accepted on Back Market', async ({ page }) => {
  test.setTimeout(120_000)
  // The demo order Back Market sent with a street over 35 characters, still to accept.
  const order = (await sandboxOrders()).find((o) => o.state === 1 && o.shipping_address.street.length > 35)
  if (!order) throw new Error('the demo has no order to accept with a street over 35 characters')
  const reference = String(order.order_id)

  await signIn(page, REFURB, 'Français')
  // The import checked the order and silently split its long street over the two lines, so
  // nothing blocks it. Someone puts Back Market's street back with the buyer's phone number in
  // street 2 through the app's API; the check that save runs now blocks the order, because the
  // street can no longer be split across the two lines.
  const { order: ours } = await (await page.request.get(`/api/orders/${reference}`)).json()
  const address = { ...ours.addresses.current, street: order.shipping_address.street, street2: 'Tél. 06 23 45 67 89' }
  const blocked = await page.request.patch(`/api/orders/${reference}/address`, { data: { version: ours.version, address }, headers: fromPage(page) })
  expect(blocked.status()).toBe(422)

  // The Errors tab: search by reference; the row says what to fix and how long is left.
  await page.getByRole('navigation', { name: 'Rubriques' }).getByRole('link', { name: 'Erreurs' }).click()
  await expect(page.getByRole('heading', { name: 'Erreurs', level: 1 })).toBeVisible()
  await page.getByLabel('Numéro de commande').fill(reference)
  await page.getByRole('button', { name: 'Rechercher' }).click()
  const results = page.getByRole('list', { name: 'Commandes bloquées' })
  // Other orders the import found blocked are listed (one deadline each) until the search's answer
  // replaces them.
  const deadline = results.getByText(/^À (accepter|expédier) sous|en retard de/)
  await expect(deadline).toHaveCount(1)
  await expect(results.getByText('Rue : trop de caractères')).toBeVisible()
  await expect(deadline).toBeVisible()
  await expectNoSeriousAxeViolation(page)
  await expectNoSidewaysScroll(page)

  await results.getByRole('link', { name: reference, exact: true }).click()
  await expect(page.getByRole('heading', { name: `Corriger l'adresse de la commande ${reference}`, level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Échéances Back Market' })).toContainText(/Back Market ne publie aucun délai d'acceptation/)
  const street = page.getByLabel('Rue', { exact: true })
  const street2 = page.getByLabel("Complément d'adresse")
  // The message under the field is its description, and so is Back Market's original beside it
  // (French puts a no-break space before ";" and ":").
  await expect(street).toHaveAccessibleDescription(new RegExp(`La rue fait ${[...order.shipping_address.street].length} caractères\\s; Cubyn en accepte 35 au plus`))
  await expect(street).toHaveAccessibleDescription(/Envoyé par Back Market\s: Résidence les Jardins de la Garenne, 14 avenue/)
  // No split fits while street 2 holds the phone number; it is already in Téléphone, so it goes.
  const split = page.getByRole('button', { name: /Répartir entre rue et complément d'adresse/ })
  await expect(split).toHaveCount(0)
  await street2.clear()
  await split.click()
  await expect(street).toHaveValue('Résidence les Jardins de la Garenne')
  await expect(street2).toHaveValue('14 avenue du Général Leclerc')
  await expect(street).toBeFocused()
  await expect(page.getByText(/^Plus aucun problème/)).toBeVisible()
  await expectNoSeriousAxeViolation(page)
  await expectNoSidewaysScroll(page)

  // Save: validated, and the acceptance is followed until Back Market shows it.
  await page.getByRole('button', { name: 'Enregistrer et valider' }).click()
  await expect(page.getByRole('heading', { name: `La commande ${reference} est validée` })).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: 'Vérifié : Back Market indique la vente comme acceptée.' })).toBeVisible({ timeout: 45_000 })

  // In the sandbox, every line of the order is accepted (state 2).
  const after = (await sandboxOrders()).find((o) => o.order_id === order.order_id)
  expect(after?.orderlines.map((l) => l.state)).toEqual(order.orderlines.map(() => 2))

  // The order page shows it; the Errors tab no longer lists it.
  await page.getByRole('link', { name: 'Voir la commande' }).click()
  await expect(page).toHaveURL(new RegExp(`/orders/${reference}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference)
  await page.goto(`/errors?q=${reference}`)
  await expect(page.getByRole('heading', { name: `Aucune commande bloquée ne correspond à « ${reference} »` })).toBeVisible()
})
