import common from './common.json'
import auth from './auth.json'
import orders from './orders.json'

const messages = { common, auth, orders }
export default messages
