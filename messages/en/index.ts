import common from './common.json'
import auth from './auth.json'
import orders from './orders.json'
import connection from './connection.json'
import skuMapping from './skuMapping.json'
import errors from './errors.json'
import apiKeys from './apiKeys.json'
import webhooks from './webhooks.json'
import apiReference from './apiReference.json'

const messages = { common, auth, orders, connection, skuMapping, errors, apiKeys, webhooks, apiReference }
export default messages
