import common from './common.json'
import auth from './auth.json'
import orders from './orders.json'
import connection from './connection.json'
import skuMapping from './skuMapping.json'
import errors from './errors.json'

const messages = { common, auth, orders, connection, skuMapping, errors }
export default messages
