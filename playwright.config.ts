// Browser tests drive Debian's Chromium (Playwright's own browser download cannot run here).
// The stack under test is `npm run dev -- --e2e`: a throwaway PostgreSQL, the sandbox, the
// migrations, the demo data, the worker and `next start` on the production build.
import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumExecutable } from './scripts/lib/chromium'
import { E2E_PG_PORT, E2E_PORT, E2E_SANDBOX_PORT } from './e2e/ports'

const chromium = chromiumExecutable()

const PORT = E2E_PORT

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs scripts/dev.ts --e2e',
    url: `http://localhost:${PORT}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(PORT), SANDBOX_PORT: String(E2E_SANDBOX_PORT), DEV_PG_PORT: String(E2E_PG_PORT) },
  },
})
