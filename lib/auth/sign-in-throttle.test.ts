import { randomInt, randomUUID } from 'node:crypto'
import { Pool } from 'pg'
import { expect, onTestFinished, test, vi } from 'vitest'
import { attemptDelayMs, createSignInThrottle, SIGN_IN_LIMITS } from '@/lib/auth/sign-in-throttle'
import { signInWithPassword } from '@/lib/auth/sign-in-with-password'
import { createTestMerchant, createTestUser } from '@/test/factories'

const WINDOW_MS = 15 * 60 * 1000

/** One app instance: its own pool and limiter objects over the shared database. */
function instance() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 })
  onTestFinished(() => pool.end())
  return createSignInThrottle({ pool })
}

/** The throttle reads the clock through Date.now(): a test clock, advanced by the "sleeps". */
function testClock() {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T09:00:00Z') })
  onTestFinished(() => void vi.useRealTimers())
  const slept: number[] = []
  const sleep = async (ms: number) => {
    slept.push(ms)
    vi.setSystemTime(Date.now() + ms)
  }
  return { slept, sleep, advance: (ms: number) => vi.setSystemTime(Date.now() + ms) }
}

const someAddress = () => `198.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`

async function merchantUser() {
  const merchant = await createTestMerchant()
  return createTestUser({ merchantId: merchant.id })
}

test('delays: none for 4 attempts, then 0.5 s doubling to a 4 s ceiling', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(attemptDelayMs)).toEqual([0, 0, 0, 0, 500, 1000, 2000, 4000, 4000, 4000, 4000])
})

test('30 wrong passwords: 10 checked ever slower, then 20 refused until the window ends; then the right one works', async () => {
  const { user, password } = await merchantUser()
  const clock = testClock()
  const throttle = instance()
  const address = someAddress()
  const answers: string[] = []
  for (let i = 0; i < 30; i++) {
    const before = clock.slept.length
    const r = await signInWithPassword({ email: user.email, password: 'wrong', clientAddress: address }, { throttle, sleep: clock.sleep })
    const waited = clock.slept.length > before ? clock.slept.at(-1) : 0
    answers.push(r.ok ? 'ok' : r.reason === 'throttled' ? `429 retry-after ${r.retryAfterSeconds}s` : `401 after ${waited}ms`)
  }
  expect(answers).toEqual([
    ...[0, 0, 0, 0, 500, 1000, 2000, 4000, 4000, 4000].map((ms) => `401 after ${ms}ms`),
    // 15.5 s were spent waiting: the window opened by the first attempt has 884.5 s left.
    ...Array(20).fill('429 retry-after 885s'),
  ])
  // Even the right password waits for the window: the throttle runs before the password check.
  expect(await signInWithPassword({ email: user.email, password, clientAddress: address }, { throttle, sleep: clock.sleep })).toMatchObject({ reason: 'throttled' })

  clock.advance(WINDOW_MS)
  const after = await signInWithPassword({ email: user.email, password, clientAddress: address }, { throttle, sleep: clock.sleep })
  expect(after.ok).toBe(true)
})

test('a blocked pair holds back neither the account from another address nor the address for another account', async () => {
  const { user, password } = await merchantUser()
  const other = await merchantUser()
  testClock()
  const throttle = instance()
  const attacker = someAddress()
  for (let i = 0; i <= SIGN_IN_LIMITS.pair; i++) await throttle.attempt({ email: user.email, address: attacker })
  expect(await throttle.attempt({ email: user.email, address: attacker })).toMatchObject({ allowed: false })

  expect(await throttle.attempt({ email: user.email, address: someAddress() })).toEqual({ allowed: true, delayMs: 0 })
  expect(await throttle.attempt({ email: other.user.email, address: attacker })).toEqual({ allowed: true, delayMs: 0 })
  const elsewhere = await signInWithPassword({ email: user.email, password, clientAddress: someAddress() }, { throttle })
  expect(elsewhere.ok).toBe(true)
})

test('two app instances count together: 10 attempts spread over both, the 11th is refused on either', async () => {
  testClock()
  const [a, b] = [instance(), instance()]
  const who = { email: `nobody-${randomUUID()}@test.example`, address: someAddress() }
  const delays: number[] = []
  for (let i = 0; i < SIGN_IN_LIMITS.pair; i++) {
    const v = await (i % 2 ? b : a).attempt(who)
    delays.push(v.allowed ? v.delayMs : -1)
  }
  expect(delays).toEqual([0, 0, 0, 0, 500, 1000, 2000, 4000, 4000, 4000])
  expect(await a.attempt(who)).toEqual({ allowed: false, retryAfterSeconds: 900 })
  expect(await b.attempt(who)).toEqual({ allowed: false, retryAfterSeconds: 900 })
})

test('parallel guesses cannot slip past the count', async () => {
  testClock()
  const throttle = instance()
  const who = { email: `nobody-${randomUUID()}@test.example`, address: someAddress() }
  const verdicts = await Promise.all(Array.from({ length: 25 }, () => throttle.attempt(who)))
  expect(verdicts.filter((v) => v.allowed)).toHaveLength(SIGN_IN_LIMITS.pair)
})

test('a right password starts the account over: its next failures are free again', async () => {
  const { user, password } = await merchantUser()
  const clock = testClock()
  const throttle = instance()
  const address = someAddress()
  const fail = () => signInWithPassword({ email: user.email, password: 'wrong', clientAddress: address }, { throttle, sleep: clock.sleep })
  for (let i = 0; i < 8; i++) await fail()
  expect((await signInWithPassword({ email: user.email, password, clientAddress: address }, { throttle, sleep: clock.sleep })).ok).toBe(true)
  clock.slept.length = 0
  for (let i = 0; i < 4; i++) expect(await fail()).toEqual({ ok: false, reason: 'invalid' })
  expect(clock.slept).toEqual([])
})

test('guesses from many addresses close the account for at most the window, and never to an address it signed in from', async () => {
  const { user, password } = await merchantUser()
  const clock = testClock()
  const throttle = instance()
  const home = someAddress()
  expect((await signInWithPassword({ email: user.email, password, clientAddress: home }, { throttle })).ok).toBe(true)
  for (let bot = 0; bot < SIGN_IN_LIMITS.account / SIGN_IN_LIMITS.pair; bot++) {
    const address = someAddress()
    for (let i = 0; i < SIGN_IN_LIMITS.pair; i++) await throttle.attempt({ email: user.email, address })
  }
  const fresh = await throttle.attempt({ email: user.email, address: someAddress() })
  expect(fresh.allowed).toBe(false)
  if (!fresh.allowed) expect(fresh.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_MS / 1000)
  const atHome = await signInWithPassword({ email: user.email, password, clientAddress: home }, { throttle, sleep: clock.sleep })
  expect(atHome.ok).toBe(true)
})
