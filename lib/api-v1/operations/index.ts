// Every /api/v1 operation, in the order the reference lists them. The OpenAPI document is built
// from this list, and test/openapi-registry.test.ts fails when a route.ts under app/api/v1 answers
// a method and path that is not here: an operation missing from this list is a route nobody can
// read about.
import type { V1Operation } from '../operation'
import { getOrderOperation, listAddressErrorsOperation, listOrdersOperation, resyncOrderOperation } from './orders'
import { getConnectionIssuesOperation, getSyncTaskOperation } from './sync'
import { getWarehouseEventOperation, postWarehouseEventsOperation } from './warehouse-events'

export const V1_OPERATIONS: readonly V1Operation[] = [
  listOrdersOperation,
  getOrderOperation,
  resyncOrderOperation,
  getSyncTaskOperation,
  listAddressErrorsOperation,
  getConnectionIssuesOperation,
  postWarehouseEventsOperation,
  getWarehouseEventOperation,
]
