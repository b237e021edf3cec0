// The delivery's connection: the address checked is the address connected to (a DNS answer that
// turns private after the endpoint was saved is refused at delivery), and the exchange is bounded.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, onTestFinished, test } from 'vitest'
import { pinnedPost } from './pinned-post'
import { startReceiver } from './testing/receiver'
import type { Resolver } from './url-policy'

const production = { requireHttps: false, allowLoopback: false }
const lab = { requireHttps: false, allowLoopback: true }
const resolvesTo =
  (address: string): Resolver =>
  async () => [{ address, family: 4 }]

test('the connection goes to the address our lookup checked, whatever the host name', async () => {
  const receiver = await startReceiver(() => 200)
  const port = new URL(receiver.url).port
  const post = (resolve: Resolver, policy = lab) => pinnedPost({ url: `http://hooks.invalid:${port}/x`, headers: {}, body: '{}', policy, resolve })

  expect(await post(resolvesTo('127.0.0.1'))).toMatchObject({ statusCode: 200, error: null })
  // The same name now answering with a private address (DNS rebinding): nothing is sent.
  expect(await post(resolvesTo('10.0.0.1'))).toMatchObject({ statusCode: null, error: 'hooks.invalid resolves to a private address' })
  expect(await post(resolvesTo('127.0.0.1'), production)).toMatchObject({ statusCode: null, error: 'hooks.invalid resolves to a loopback address' })
  expect(receiver.received).toHaveLength(1)
})

test('an IP literal is checked without any lookup', async () => {
  const receiver = await startReceiver(() => 200)
  expect(await pinnedPost({ url: receiver.url, headers: {}, body: '{}', policy: production })).toMatchObject({ statusCode: null, error: 'URL refused: 127.0.0.1 is a loopback address' })
  expect(await pinnedPost({ url: 'http://169.254.169.254/latest', headers: {}, body: '{}', policy: lab })).toMatchObject({ error: 'URL refused: 169.254.169.254 is a linkLocal address' })
  expect(receiver.received).toHaveLength(0)
})

test('a receiver that does not answer in time is a failed attempt, not a hang', async () => {
  const server = http.createServer(() => {
    // never answers
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  server.closeAllConnections()
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const outcome = await pinnedPost({ url, headers: {}, body: '{}', policy: lab, timeoutMs: 300 })
  expect(outcome).toMatchObject({ statusCode: null, error: 'no answer within 0.3 s' })
  expect(outcome.durationMs).toBeGreaterThanOrEqual(290)
  expect(outcome.durationMs).toBeLessThan(3_000)
  server.closeAllConnections()
})
