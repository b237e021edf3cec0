// A seller cancels an order line by hand in Back Market's back office; our re-sync then gets an
// "order status error". The banner says so on every page, the error shows Back Market's status
// hierarchy and what to do; once the line is put right on Back Market, "Check again" reads it
// back, the error is resolved and the banner says the connection recovered. Refurb Republic is a
// French merchant: this story reads the dashboard in French.
import type { Page } from '@playwright/test'
import { expect, literal, REFURB, sandbox, signIn, test, zoneName } from './support'

type SandboxOrder = { order_id: number; orderlines: { listing: string; state: number }[] }
type OurOrder = { status: string; lines: { sku: string; listing: string }[] }

/** A two-line order validated by our warehouse and accepted on Back Market, with matching SKUs. */
async function validatedTwoLineOrder(page: Page): Promise<SandboxOrder> {
  const { orders } = (await sandbox.state(REFURB.token)) as { orders: SandboxOrder[] }
  for (const o of orders.filter((o) => o.orderlines.length === 2 && o.orderlines.every((l) => l.state === 2))) {
    const { order } = (await (await page.request.get(`/api/orders/${o.order_id}`)).json()) as { order: OurOrder }
    if (order.status === 'VALIDATED' && order.lines.every((l) => l.sku === l.listing)) return o
  }
  throw new Error('no validated two-line order in the demo data')
}

test('an order status error fixed by hand on Back Market resolves on “Check again”', async ({ page }) => {
  await signIn(page, REFURB, 'Français')
  const order = await validatedTwoLineOrder(page)
  const reference = String(order.order_id)
  const [cancelled] = order.orderlines as [SandboxOrder['orderlines'][number]]
  // Two lines, so the order stays alive (and validated) on our side once the import sees it.
  await sandbox.setLineState(order.order_id, cancelled.listing, REFURB.token, 4)

  // Re-sync from the order page: Back Market refuses to accept a cancelled line, and a retry will not help.
  await page.goto(`/orders/${reference}`)
  await page.getByRole('button', { name: 'Resynchroniser avec Back Market' }).click()
  const progress = page.getByRole('status', { name: 'Avancement de la resynchronisation' })
  await expect(progress.getByText(/^Échec : /)).toBeVisible({ timeout: 30_000 })
  await expect(progress.getByText('Un nouvel essai n’aidera pas tant que ceci n’est pas corrigé :')).toBeVisible()

  // The banner now warns on every page and leads to the errors.
  const banner = page.getByRole('status', { name: 'Problèmes de connexion' })
  await expect(banner).toContainText('1 commande touchée')
  await banner.getByRole('link', { name: 'Voir les erreurs' }).click()
  await expect(page.getByRole('heading', { name: 'Problèmes de connexion', level: 1 })).toBeVisible()

  const error = page.getByRole('article', { name: 'Erreur de statut de commande' }).filter({ has: page.getByRole('link', { name: reference }) })
  await expect(error.getByText('Ouvert', { exact: true })).toBeVisible()
  // Where each side stands on To accept → Waiting for fulfillment → Fulfilled, and what blocks.
  const hierarchy = error.getByRole('list', { name: 'Les statuts de commande de Back Market, dans l’ordre' })
  const waiting = hierarchy.getByRole('listitem').filter({ hasText: 'En attente d’expédition' })
  await expect(waiting.getByText('Nous', { exact: true })).toBeVisible()
  await expect(waiting.getByText('Back Market', { exact: true })).toBeVisible()
  await expect(error.getByText(`Ligne ${cancelled.listing} : Annulée ou remboursée (4) sur Back Market`)).toBeVisible()
  await expect(error.getByText(/rétablissez la ligne sur Back Market, puis vérifiez à nouveau/)).toBeVisible()

  // Checking before the fix changes nothing: still blocked, still open.
  await error.getByRole('button', { name: 'Vérifier à nouveau' }).click()
  await expect(error.getByText('Toujours bloqué sur Back Market :')).toBeVisible()
  await expect(error.getByText('Ouvert', { exact: true })).toBeVisible()

  // The seller restores and accepts the line by hand on Back Market, then checks again.
  await sandbox.setLineState(order.order_id, cancelled.listing, REFURB.token, 2)
  await error.getByRole('button', { name: 'Vérifier à nouveau' }).click()
  await expect(error.getByText('Résolu', { exact: true })).toBeVisible()
  await expect(error.getByRole('button', { name: 'Vérifier à nouveau' })).toHaveCount(0)

  // Nothing else is open: the banner calms down, and the error stays listed.
  const recovered = page.getByRole('status', { name: 'Connexion rétablie' })
  await expect(recovered).toContainText(new RegExp(String.raw`Connexion rétablie le .+ ${literal(zoneName(REFURB.timeZone, 'fr'))}\.`))
  await expect(recovered.getByRole('link', { name: 'Voir les dernières erreurs' })).toBeVisible()
  await expect(page.getByRole('status', { name: 'Problèmes de connexion' })).toHaveCount(0)
})
