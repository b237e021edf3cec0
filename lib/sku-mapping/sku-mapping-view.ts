// A SKU mapping as the API answers it (dates as ISO strings), for the routes and the browser.
import type { SkuMapping } from '@/lib/generated/prisma/client'

export type SkuMappingView = { id: string; ourSku: string; bmSku: string; createdAt: string; updatedAt: string }

export function toSkuMappingView(m: SkuMapping): SkuMappingView {
  return { id: m.id, ourSku: m.ourSku, bmSku: m.bmSku, createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString() }
}
