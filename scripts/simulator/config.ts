// The simulator's settings, from the environment (parsed once, like lib/env).
import { z } from 'zod'
import type { PlanConfig } from './plan-tick'

const SimulatorEnv = z.object({
  SIMULATOR_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** About one order in 30 gets a staged Back Market failure. 0 turns them off. */
  SIMULATOR_FAILURE_SHARE: z.coerce.number().min(0).max(1).default(1 / 30),
  /** Orders validated, and orders moved per stage, per merchant per tick. */
  SIMULATOR_BATCH: z.coerce.number().int().min(0).default(2),
  SIMULATOR_STOCK_MOVES: z.coerce.number().int().min(0).default(2),
})

export type SimulatorSettings = { intervalMs: number; plan: Omit<PlanConfig, 'canStageOnBackMarket'> }

export function simulatorSettings(env: NodeJS.ProcessEnv): SimulatorSettings {
  const parsed = SimulatorEnv.safeParse(env)
  if (!parsed.success) throw new Error(`Invalid simulator settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const e = parsed.data
  return {
    intervalMs: e.SIMULATOR_INTERVAL_MS,
    plan: { batch: e.SIMULATOR_BATCH, advanceChance: 0.5, stockMovesPerTick: e.SIMULATOR_STOCK_MOVES, failureShare: e.SIMULATOR_FAILURE_SHARE },
  }
}
