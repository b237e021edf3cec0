// The staged Back Market failures, done in place before the tick's events are posted: they change
// the world the events then meet (a SKU renamed in the warehouse, a line changed by hand in Back
// Market's back office); no WMS would report them as warehouse events.
import 'server-only'
import type { SandboxControl } from '../lib/sandbox-control'
import type { SimAction } from './plan-tick'
import { renameOrderLineSku } from './rename-order-line-sku'

export type StagingContext = {
  merchantId: string
  /** The sandbox's control API and this merchant's token there; null against a real Back Market. */
  sandbox: { control: SandboxControl; token: string } | null
}

export type StagedAction = Extract<SimAction, { kind: 'rename-sku' | 'set-bm-line-state' }>

export function isStaged(action: SimAction): action is StagedAction {
  return action.kind === 'rename-sku' || action.kind === 'set-bm-line-state'
}

/** Carries out one staged failure and says, in one line, what it did. */
export async function stageFailure(ctx: StagingContext, action: StagedAction): Promise<string> {
  if (action.kind === 'rename-sku') {
    await renameOrderLineSku({ merchantId: ctx.merchantId, order: action.order, lineId: action.lineId, from: action.from, to: action.to })
    return `staged failure: order ${action.order.reference} SKU ${action.from} renamed ${action.to} in the warehouse (Back Market will answer 404)`
  }
  if (!ctx.sandbox) return `staged failure skipped for order ${action.order.reference}: not talking to the sandbox`
  await ctx.sandbox.control.setLineState(action.order.reference, action.listing, ctx.sandbox.token, action.state)
  return `staged failure: order ${action.order.reference} line ${action.listing} set to state ${action.state} on Back Market by hand (the next transition gets a 400)`
}
