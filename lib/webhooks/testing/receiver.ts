// A webhook receiver for tests: a real node:http server on loopback that records each request
// (headers and raw body) and answers with whatever status the test chooses for that request.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'

export type Received = { headers: http.IncomingHttpHeaders; body: string }

export async function startReceiver(answer: (req: Received, n: number) => number = () => 204): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const got = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      received.push(got)
      res.writeHead(answer(got, received.length), { 'content-type': 'text/plain' }).end(`answer ${received.length}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received }
}
