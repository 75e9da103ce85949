// Browser tests: the built web app served by the real Django backend on a fresh
// SQLite database (e2e/serve.sh), driven through Debian's Chromium.
// Run with `make e2e` (builds web/dist first) or `npm run e2e` (uses the dist/ there is).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const varDir = `${repoDir}var`;

// One port for the whole run. Workers load this file again, so the port chosen
// here is kept in the environment they inherit instead of being picked twice.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });",
  ]).toString();
}
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

const FIRST_LOAD = /first-load\.spec\.ts$/;
const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: devices['Pixel 7'].userAgent,
};

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  // Every test makes its own users, services and orders, so any order works.
  fullyParallel: true,
  // The CI machine has two cores, shared with the server under test.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: `${varDir}/playwright/results`,
  reporter: [['list'], ['html', { outputFolder: `${varDir}/playwright/report`, open: 'never' }]],
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      // Debian's Chromium: the test tool never downloads a browser of its own.
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: FIRST_LOAD,
      use: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
    },
    {
      name: 'phone',
      testIgnore: FIRST_LOAD,
      use: PHONE,
    },
    {
      // The first-load budget is a measurement: it runs alone, after the other
      // projects, so no parallel test takes the CPU it measures.
      name: 'phone-first-load',
      testMatch: FIRST_LOAD,
      dependencies: ['desktop', 'phone'],
      use: PHONE,
    },
  ],
  webServer: {
    command: 'sh e2e/serve.sh',
    url: `${baseURL}/api/health/`,
    env: { E2E_PORT: process.env.E2E_PORT },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
