// Browser tests of the console: the machine's Chromium (Debian's package; Playwright's own download cannot be
// fetched here) against a real `safetycert dev` host (demo data, development clock) that this run starts on free
// ports with its own Azurite data folder, so it never meets a developer's `dev` run.
import { defineConfig } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

// Worker processes load this file again; the ports and folder chosen by the first load travel in the environment.
if (!process.env.SAFETYCERT_CONSOLE_PORTS) {
  const script = `
    const net = require('node:net');
    const ports = [];
    (async () => {
      // A free block of three for Azurite (blob, queue, table), then the host, SMTP and MailDev's web port.
      for (let base = 20000 + Math.floor(Math.random() * 20000); ports.length === 0; base += 7) {
        const all = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => new Promise((ok) => {
          const s = net.createServer().once('error', () => ok(false)).listen(base + i, '127.0.0.1', () => s.close(() => ok(true)));
        })));
        if (all.every(Boolean)) ports.push(base);
      }
      process.stdout.write(String(ports[0]));
    })();`
  process.env.SAFETYCERT_CONSOLE_PORTS = execFileSync(process.execPath, ['-e', script]).toString().trim()
  process.env.SAFETYCERT_CONSOLE_DATA = mkdtempSync(join(tmpdir(), 'safetycert-console-azurite-'))
}

const base = Number(process.env.SAFETYCERT_CONSOLE_PORTS)
// SAFETYCERT_CONSOLE_URL points the tests at a dev host already running (while working on the console); the tests
// move its development clock, so never at one whose data matters.
const external = process.env.SAFETYCERT_CONSOLE_URL
export const baseURL = external || `http://127.0.0.1:${base + 3}`
export const artifacts = join(root, 'test-artifacts', 'console')

export default defineConfig({
  testDir: './tests',
  outputDir: join(artifacts, 'results'),
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: join(artifacts, 'results.json') }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.SAFETYCERT_CHROMIUM || '/usr/bin/chromium' },
  },
  webServer: external ? undefined : {
    command: [
      // tests/run-all.sh has just built the solution; alone, `dotnet run` builds what changed.
      `dotnet run --project src/SafetyCert.Host -c Release ${process.env.SAFETYCERT_CONSOLE_NO_BUILD ? '--no-build ' : ''}--`,
      `dev --urls ${baseURL}`,
      `--azurite-port ${base} --azurite-data ${process.env.SAFETYCERT_CONSOLE_DATA}`,
      `--smtp-port ${base + 4} --mail-web-port ${base + 5}`,
      // Its own storage prefix too: task hub, tables and queues apart from anything else in that Azurite.
      '--Storage:Prefix=console',
    ].join(' '),
    cwd: root,
    url: `${baseURL}/healthz`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
})
