// Tests of the sync engine against the sandbox: a Back Market order imported and validated by the
// warehouse, the writes Back Market received for it (the sandbox's request log), and its lines'
// states as Back Market holds them.
import { db } from '@/lib/db'
import type { startBackMarketSandbox } from '@/test/backmarket-sandbox'

type Sandbox = Pick<Awaited<ReturnType<typeof startBackMarketSandbox>>, 'control' | 'merchantWithOrder'>

export function sandboxOrders({ control, merchantWithOrder }: Sandbox, prefix: string) {
  /** A merchant whose Back Market order was imported and validated by the warehouse. */
  async function validatedOrder(lines: string[] = ['SKU-1']) {
    const { token, merchant, reference } = await merchantWithOrder(prefix, lines)
    const order = await db.order.update({
      where: { merchantId_reference: { merchantId: merchant.id, reference } },
      data: { status: 'VALIDATED' },
      include: { lines: true },
    })
    return { token, merchant, order, reference }
  }

  const writes = async (token: string, reference: string) =>
    (await control.requests(token)).filter((r) => r.method === 'POST' && r.path === `/ws/orders/${reference}`)

  const lineStates = async (token: string, reference: string) => {
    const { orders } = (await control.state(token)) as { orders: { order_id: number; orderlines: { state: number }[] }[] }
    return orders.find((o) => String(o.order_id) === reference)!.orderlines.map((l) => l.state)
  }

  return { validatedOrder, writes, lineStates }
}
