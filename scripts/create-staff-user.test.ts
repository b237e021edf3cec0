// The staff CLI as an operator runs it: a real process against the test database.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { expect, onTestFinished, test } from 'vitest'
import { verifyPassword } from '@/lib/auth/password'
import { db } from '@/lib/db'

function run(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.resolve('scripts/create-staff-user.ts'), ...args], {
    env: { ...process.env, LOG_LEVEL: 'fatal' },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  child.stdin.end(stdin ?? '')
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

function forget(email: string) {
  onTestFinished(async () => void (await db.user.deleteMany({ where: { email } })))
}

test('creates a STAFF user with no merchant and prints its password once', { timeout: 60_000 }, async () => {
  const email = `staff-${randomUUID()}@support.example`
  forget(email)
  const { code, stdout } = await run(['--email', email, '--name', 'Sam Support'])
  expect(code).toBe(0)
  const password = stdout.trim().split('\n').at(-1)!.trim()
  expect(password).toMatch(/^[\w-]{24}$/)
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  expect(user).toMatchObject({ role: 'STAFF', merchantId: null, name: 'Sam Support' })
  expect(await verifyPassword(user.passwordHash!, password)).toBe(true)
})

test('--password-stdin takes the password from stdin and prints none; a taken email exits 1 saying so', { timeout: 60_000 }, async () => {
  const email = `staff-${randomUUID()}@support.example`
  forget(email)
  const first = await run(['--email', email, '--name', 'Sam Support', '--password-stdin'], 'a long enough password\n')
  expect(first.code).toBe(0)
  expect(first.stdout).not.toContain('a long enough password')
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  expect(await verifyPassword(user.passwordHash!, 'a long enough password')).toBe(true)

  const again = await run(['--email', email, '--name', 'Someone else'])
  expect(again.code).toBe(1)
  expect(again.stderr).toContain('A user with this email already exists.')
  expect(await db.user.count({ where: { email } })).toBe(1)
})
