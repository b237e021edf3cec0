// The Chromium every browser run here drives (the browser stories and bench:dashboard's page
// loads): Debian's own build, since Playwright's browser download cannot run on this machine.
// Found once and started with the same flags everywhere, so a story and a benchmark load the
// same browser the same way.
import { existsSync } from 'node:fs'

/** Headless, no GPU and nothing talking to the network on its own (updates, sync, QUIC probes). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/** CHROMIUM_PATH, or the first system Chromium found; throws with how to install one. */
export function chromiumExecutable(): string {
  const found = process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p))
  if (!found) throw new Error('No Chromium found. Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).')
  return found
}
