// The throughput baseline of bench:events: a bare node:http + pg server that records a batch of
// warehouse events as the app's route does — the same rows (subject, canonical payload hash) into
// the same table by the same kind of statement (one multi-row INSERT … ON CONFLICT DO NOTHING),
// and one result per event. No key, no schema check, no rate limit, no framework: what "the same
// insert behind HTTP" costs.
//
//   node --import tsx bench/events/bare-server.ts   (env: PORT, DATABASE_URL, DB_POOL_MAX)
import { createHash } from 'node:crypto'
import http from 'node:http'
import pg from 'pg'

type Event = { id: string; type: string; merchantId: string; occurredAt: string; data: Record<string, unknown> }

const port = Number(process.env.PORT)
// The app's Prisma adapter pool is DB_POOL_MAX (default 10) too.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) })
pool.on('error', (err) => console.error('idle pg client:', err.message))

const INSERT = `
  INSERT INTO "WarehouseEvent" (id, "merchantId", "eventId", type, "occurredAt", subject, payload, "payloadHash")
  SELECT gen_random_uuid(), e.merchant_id, e.event_id, e.type, e.occurred_at::timestamptz AT TIME ZONE 'UTC', e.subject, e.payload::jsonb, e.hash
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
    AS e(merchant_id, event_id, type, occurred_at, subject, payload, hash)
  ON CONFLICT ("merchantId", "eventId") DO NOTHING
  RETURNING "eventId"`

function hashOf(e: Event): string {
  return createHash('sha256').update(JSON.stringify([e.type, new Date(e.occurredAt).toISOString(), e.data])).digest('hex')
}

const subjectOf = (e: Event) => ('reference' in e.data ? `order:${String(e.data.reference)}` : `sku:${String(e.data.sku)}`)

async function record(events: Event[]): Promise<{ id: string; result: 'accepted' | 'duplicate' }[]> {
  const { rows } = await pool.query<{ eventId: string }>(INSERT, [
    events.map((e) => e.merchantId),
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => e.occurredAt),
    events.map(subjectOf),
    events.map((e) => JSON.stringify(e.data)),
    events.map(hashOf),
  ])
  const inserted = new Set(rows.map((r) => r.eventId))
  return events.map((e) => ({ id: e.id, result: inserted.has(e.id) ? 'accepted' : 'duplicate' }))
}

function send(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    void (async () => {
      try {
        if (req.method === 'GET') return send(res, 200, '{"ok":true}')
        const { events } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: Event[] }
        send(res, 202, JSON.stringify({ results: await record(events) }))
      } catch (err) {
        console.error(err)
        send(res, 500, '{"error":"internal"}')
      }
    })()
  })
})
server.listen(port, '127.0.0.1', () => console.log(`bare events server on ${port}`))
process.on('SIGTERM', () => {
  server.close()
  void pool.end().finally(() => process.exit(0))
})
