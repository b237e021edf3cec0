// The throughput baseline: a bare node:http + pg server doing what the two routes do, minus the
// framework — read the session cookie, look the session up (one hand-written JOIN, the equivalent
// of getSessionFromToken's read), then run the very statements Prisma sent for that merchant and
// query (captured by capture.ts, replayed in the order and overlap the app ran them) and answer JSON.
// No validation, no logging, no middleware, no Prisma: what "the same query behind HTTP" costs.
//
//   node --import tsx bench/dashboard/bare-server.ts   (env: PORT, DATABASE_URL, BARE_CASES, DB_POOL_MAX)
import { readFileSync } from 'node:fs'
import http from 'node:http'
import pg from 'pg'
import { readCookie, sessionCookieName } from '../../lib/auth/session-cookie'
import { hashSessionToken, isWellFormedSessionToken } from '../../lib/auth/session-token'
import { RAW_TEXT, replay, type CaptureOutput, type TimedStatement } from './cases'

const port = Number(process.env.PORT)
const captured = JSON.parse(readFileSync(process.env.BARE_CASES!, 'utf8')) as CaptureOutput
// Same pool size as the app's Prisma adapter (lib/db.ts: DB_POOL_MAX, default 10).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) })

pool.on('error', (err) => console.error('idle pg client:', err.message))

// The cookie of next start (production: `__Host-bm_session`), whatever NODE_ENV this process has.
const SESSION_COOKIE_NAME = sessionCookieName(true)

const byRoute = new Map<string, TimedStatement[]>(captured.cases.map((c) => [`${c.merchantId} ${c.path}`, c.statements]))

const SESSION_SQL = `
  SELECT s."expiresAt", u.id AS "userId", u."merchantId", u.email, u.name, m.name AS "merchantName"
    FROM "Session" s JOIN "User" u ON u.id = s."userId" JOIN "Merchant" m ON m.id = u."merchantId"
   WHERE s.id = $1`

function send(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

const server = http.createServer((req, res) => {
  void (async () => {
    try {
      // The framework floor's counterpart of the app's GET /api/health: one SELECT 1, no session.
      if (req.url === '/api/health') {
        await pool.query('SELECT 1')
        return send(res, 200, '{"ok":true}')
      }
      const token = readCookie(req.headers.cookie, SESSION_COOKIE_NAME)
      if (!token || !isWellFormedSessionToken(token)) return send(res, 401, '{"error":"unauthorized"}')
      const { rows } = await pool.query({ text: SESSION_SQL, values: [hashSessionToken(token)], types: RAW_TEXT })
      const session = rows[0] as { expiresAt: string; merchantId: string } | undefined
      // timestamp(3) without time zone, in UTC (as Prisma stores it).
      if (!session || Date.parse(`${session.expiresAt.replace(' ', 'T')}Z`) <= Date.now()) return send(res, 401, '{"error":"unauthorized"}')
      const statements = byRoute.get(`${session.merchantId} ${req.url}`)
      if (!statements) return send(res, 404, '{"error":"not captured"}')
      const results = await replay(pool, statements)
      send(res, 200, JSON.stringify({ results: results.map((r) => r.rows) }))
    } catch (err) {
      console.error(err)
      send(res, 500, '{"error":"internal"}')
    }
  })()
})
server.listen(port, '127.0.0.1', () => console.log(`bare server on ${port}`))
process.on('SIGTERM', () => {
  server.close()
  void pool.end().finally(() => process.exit(0))
})
