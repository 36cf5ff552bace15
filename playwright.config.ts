import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './e2e/support/chromium';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/** The first instructor, created from the environment at start (README, "Using it"). */
export const E2E_INSTRUCTOR = { email: 'instructor@example.com', password: 'instructor-password-1' };
const databaseFile = path.join(os.tmpdir(), `oauth-lab-e2e-${process.pid}.db`);

/** Debian's Chromium (no browser downloads here); flags keep it off the network. */
export const chromiumLaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS };

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Each test needs 15–30 s on a quiet machine; three times that holds on a busy one.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    // An action or navigation that cannot happen fails in a minute, naming its locator, instead
    // of waiting out the test's whole timeout (10 minutes for the multi-instance test).
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions } }],
  webServer: {
    // The production build through the one-port server, on a throw-away database.
    command: `rm -f ${databaseFile}* && node_modules/.bin/tsx server.ts`,
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      PORT: String(E2E_PORT),
      HOSTNAME: '127.0.0.1',
      PUBLIC_URL: E2E_BASE_URL,
      DATABASE_URL: `file:${databaseFile}`,
      ALLOW_PRIVATE_ISSUERS: 'true',
      INSTRUCTOR_EMAIL: E2E_INSTRUCTOR.email,
      INSTRUCTOR_PASSWORD: E2E_INSTRUCTOR.password,
      LOG_LEVEL: 'warn',
      // E2E journeys run many learners and checks quickly from one address.
      RATE_LIMIT_CHECKS_PER_MINUTE: '10000',
      RATE_LIMIT_CHECKS_PER_ADDRESS_PER_MINUTE: '100000',
      RATE_LIMIT_NEW_LEARNERS_PER_ADDRESS_PER_HOUR: '10000',
      RATE_LIMIT_SIGNIN_PER_MINUTE: '1000',
    },
  },
});
