// The simulator's settings, from the environment (parsed once, like lib/env).
import { z } from 'zod'
import type { PlanConfig } from './plan-tick'
import type { EventsApi } from './post-events'

const SimulatorEnv = z.object({
  SIMULATOR_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** About one order in 30 gets a staged Back Market failure. 0 turns them off. */
  SIMULATOR_FAILURE_SHARE: z.coerce.number().min(0).max(1).default(1 / 30),
  /** Orders validated, and orders moved per stage, per merchant per tick. */
  SIMULATOR_BATCH: z.coerce.number().int().min(0).default(2),
  SIMULATOR_STOCK_MOVES: z.coerce.number().int().min(0).default(2),
  /** Chance per merchant per tick that the warehouse cancels one line: rare, so the demo shows a few. */
  SIMULATOR_CANCEL_CHANCE: z.coerce.number().min(0).max(1).default(0.05),
  /** Share of stock actions that are an inventory count (stock.level) instead of a movement. */
  SIMULATOR_STOCK_LEVEL_SHARE: z.coerce.number().min(0).max(1).default(0.1),
  /** The app's warehouse events endpoint, e.g. http://localhost:3000/api/v1/warehouse/events. */
  SIMULATOR_API_URL: z.url({ protocol: /^https?$/, error: 'SIMULATOR_API_URL must be the http(s) URL of /api/v1/warehouse/events' }),
  /** A warehouse API key (scope warehouse:write): `npm run dev` passes the demo key. */
  SIMULATOR_API_KEY: z.string().regex(/^bmk_wh_\w+$/, { error: 'SIMULATOR_API_KEY must be a warehouse API key (bmk_wh_…)' }),
})

export type SimulatorSettings = { intervalMs: number; plan: Omit<PlanConfig, 'canStageOnBackMarket'>; api: EventsApi }

export function simulatorSettings(env: NodeJS.ProcessEnv): SimulatorSettings {
  const parsed = SimulatorEnv.safeParse(env)
  // The key's value is never echoed: only which setting is wrong.
  if (!parsed.success) throw new Error(`Invalid simulator settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const e = parsed.data
  return {
    intervalMs: e.SIMULATOR_INTERVAL_MS,
    plan: {
      batch: e.SIMULATOR_BATCH,
      advanceChance: 0.5,
      stockMovesPerTick: e.SIMULATOR_STOCK_MOVES,
      failureShare: e.SIMULATOR_FAILURE_SHARE,
      cancelChance: e.SIMULATOR_CANCEL_CHANCE,
      stockLevelShare: e.SIMULATOR_STOCK_LEVEL_SHARE,
    },
    api: { url: e.SIMULATOR_API_URL, key: e.SIMULATOR_API_KEY },
  }
}
