// Runs in the browser before the app becomes interactive (Next's convention file).
// Zod compiles object parsers with `new Function` when it may; finding out whether it may is
// itself a `new Function` call, which the page's CSP refuses and reports as a violation on every
// page that parses on the client (the address checks, the API answers). Jitless parsing is the
// interpreted path Zod takes under such a CSP anyway, minus the refused probe.
import { config } from 'zod'

config({ jitless: true })
