// The demo warehouse key: a fixed, published string (like the demo passwords) so that `npm run
// dev` can print it with a ready-to-run curl and its simulator can post through the real API.
// It is seeded only outside production, and refused in production even if a copied database holds it.

export const DEMO_WAREHOUSE_KEY = 'bmk_wh_demoSimulatorKeyNotForProduction'

export function isDemoKeyRefused(key: string, nodeEnv = process.env.NODE_ENV): boolean {
  return nodeEnv === 'production' && key === DEMO_WAREHOUSE_KEY
}
