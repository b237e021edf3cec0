// Password hashing with argon2id at the library's defaults (19 MiB, 2 passes: OWASP's minimum).
import 'server-only'
import { randomBytes } from 'node:crypto'
import { hash, verify, type Algorithm } from '@node-rs/argon2'
import { log } from '@/lib/log'

// `Algorithm` is an ambient const enum, which isolatedModules cannot read at runtime.
const ARGON2ID = 2 as Algorithm.Argon2id

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch (err) {
    // A stored hash the library cannot parse is our bug, not a wrong password: log it.
    log.warn({ err }, 'password hash could not be verified')
    return false
  }
}

let dummyHash: Promise<string> | undefined

/**
 * A hash of a random password, verified against when the email is unknown so that "no such
 * user" takes as long as "wrong password" and response time does not reveal who has an account.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'))
  return dummyHash
}
