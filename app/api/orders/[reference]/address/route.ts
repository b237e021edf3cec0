// PATCH /api/orders/[reference]/address — edit the shipping address of a blocked order, then validate it (accepts the sale on Back Market)
import { NextResponse } from 'next/server'
import { requireApiUser } from '@/lib/auth/require-api-user'
import { AppError } from '@/lib/errors'
import { handle, parseJsonBody } from '@/lib/http'
import { UpdateOrderAddressBodySchema } from '@/lib/orders/update-order-address-body'
import { getSyncStatusOrThrow } from '@/lib/sync/get-sync-status'
import { updateOrderAddress } from '@/lib/warehouse/update-order-address'

type Context = { params: Promise<{ reference: string }> }

export const PATCH = handle(async (req: Request, { params }: Context) => {
  const user = await requireApiUser(req, 'operate')
  const [{ reference }, body] = await Promise.all([params, parseJsonBody(req, UpdateOrderAddressBodySchema)])
  const result = await updateOrderAddress({ actor: user.actor, merchantId: user.merchantId, reference, expectedVersion: body.version, address: body.address })
  const order = { reference: result.order.reference, status: result.order.status, version: result.order.version }
  if (result.outcome === 'address_errors') {
    // Saved, but still refused by the carrier rules: the fields say why; the version to edit on and
    // the address as saved (after the silent fixes) let the form carry on.
    throw new AppError('unprocessable', {
      userMessage: 'The address is saved but still breaks carrier rules, so the order stays blocked.',
      fields: result.fields,
      details: { issues: result.issues, order, address: result.address },
    })
  }
  const sync = result.syncTaskId ? await getSyncStatusOrThrow({ merchantId: user.merchantId, id: result.syncTaskId }) : null
  return NextResponse.json({ outcome: 'validated', order, address: result.address, sync })
})
