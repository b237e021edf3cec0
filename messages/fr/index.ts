import common from './common.json'
import auth from './auth.json'
import orders from './orders.json'
import connection from './connection.json'
import skuMapping from './skuMapping.json'

const messages = { common, auth, orders, connection, skuMapping }
export default messages
