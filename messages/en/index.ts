import common from './common.json'
import auth from './auth.json'
import orders from './orders.json'
import connection from './connection.json'
import skuMapping from './skuMapping.json'
import errors from './errors.json'
import apiKeys from './apiKeys.json'
import webhooks from './webhooks.json'
import apiReference from './apiReference.json'
import roles from './roles.json'
import people from './people.json'
import bmConnection from './bmConnection.json'
import staff from './staff.json'
import audit from './audit.json'
import charts from './charts.json'

const messages = { common, auth, orders, connection, skuMapping, errors, apiKeys, webhooks, apiReference, roles, people, bmConnection, staff, audit, charts }
export default messages
