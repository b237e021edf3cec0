// The browser stories' stack, read from the environment once: playwright.config.ts starts it on
// these ports (scripts/dev.ts --e2e), and the stories reach the app and the sandbox on them.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110)
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54330)
