// Carries out one planned action with the real operations (origin 'simulator') and says, in one
// line, what happened. Expected refusals (another writer got there first) come back as errors for
// the loop to skip; nothing here retries.
import 'server-only'
import { markDelivered } from '@/lib/warehouse/mark-delivered'
import { markPacked } from '@/lib/warehouse/mark-packed'
import { recordStockMovement } from '@/lib/warehouse/record-stock-movement'
import { shipOrder } from '@/lib/warehouse/ship-order'
import { startPicking } from '@/lib/warehouse/start-picking'
import { validateOrder } from '@/lib/warehouse/validate-order'
import type { SandboxControl } from '../lib/sandbox-control'
import type { SimAction } from './plan-tick'
import { renameOrderLineSku } from './rename-order-line-sku'

export type ActionContext = {
  merchantId: string
  /** The sandbox's control API and this merchant's token there; null against a real Back Market. */
  sandbox: { control: SandboxControl; token: string } | null
}

export async function performAction(ctx: ActionContext, action: SimAction): Promise<string> {
  const { merchantId } = ctx
  const origin = 'simulator'
  switch (action.kind) {
    case 'validate': {
      const target = { merchantId, orderId: action.order.id, expectedVersion: action.order.version, origin } as const
      const result = await validateOrder(target)
      if (result.outcome === 'address_errors') {
        const codes = result.issues.filter((i) => i.severity === 'error').map((i) => i.code)
        return `order ${action.order.reference} stays CREATED: address errors ${codes.join(', ')}`
      }
      return `order ${action.order.reference} validated${result.task ? ', ACCEPT queued' : ' (already accepted on Back Market)'}`
    }
    case 'start-picking':
      await startPicking({ merchantId, orderId: action.order.id, expectedVersion: action.order.version, origin })
      return `order ${action.order.reference} picking`
    case 'mark-packed':
      await markPacked({ merchantId, orderId: action.order.id, expectedVersion: action.order.version, origin })
      return `order ${action.order.reference} packed`
    case 'ship': {
      const { task } = await shipOrder({
        merchantId,
        orderId: action.order.id,
        expectedVersion: action.order.version,
        origin,
        carrier: action.carrier,
        trackingNumber: action.trackingNumber,
        trackingUrl: action.trackingUrl,
      })
      return `order ${action.order.reference} shipped with ${action.carrier} ${action.trackingNumber}${task ? ', SHIP queued' : ''}`
    }
    case 'mark-delivered':
      await markDelivered({ merchantId, orderId: action.order.id, expectedVersion: action.order.version, origin })
      return `order ${action.order.reference} delivered`
    case 'rename-sku':
      await renameOrderLineSku({ merchantId, order: action.order, lineId: action.lineId, from: action.from, to: action.to })
      return `staged failure: order ${action.order.reference} SKU ${action.from} renamed ${action.to} in the warehouse (Back Market will answer 404)`
    case 'set-bm-line-state':
      if (!ctx.sandbox) return `staged failure skipped for order ${action.order.reference}: not talking to the sandbox`
      await ctx.sandbox.control.setLineState(action.order.reference, action.listing, ctx.sandbox.token, action.state)
      return `staged failure: order ${action.order.reference} line ${action.listing} set to state ${action.state} on Back Market by hand (the next transition gets a 400)`
    case 'stock': {
      const { product, task } = await recordStockMovement({ merchantId, sku: action.sku, delta: action.delta, reason: action.reason, origin })
      const waits = task ? '' : ' (no Back Market listing: the update waits for one)'
      return `stock ${action.sku} ${action.delta > 0 ? '+' : ''}${action.delta} (${action.reason}) → ${product.quantity}${waits}`
    }
  }
}
