/**
 * End-to-end support: a real `egov start` process over a throwaway data folder, and Debian's
 * Chromium driven by playwright-core, with an axe-core check for every page visited.
 */
import axe from 'axe-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'DaNang@2026';

/** Desktop and phone viewports the portal must work at. */
export const DESKTOP = { width: 1366, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningPortal {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `node bin/egov.js start` with the Da Nang demo data on a free port and waits for its
 * readiness probe. The server builds dist/ and web/dist/ first when they are stale.
 */
export async function startPortal(extraEnv: Record<string, string> = {}): Promise<RunningPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'egov-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'bin', 'egov.js'), 'start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'egov.sqlite')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      PUBLIC_RATE_LIMIT: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`egov start did not become ready:\n${output}`);
}

/**
 * Launches Chromium headless (no background network). Playwright gives every launch a fresh
 * temporary profile (user-data dir) of its own and deletes it on close; it refuses an
 * explicit --user-data-dir for a non-persistent launch.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/** The server and the browser the tests of one file share. */
export interface PortalAndBrowser {
  readonly portal: RunningPortal;
  readonly browser: Browser;
}

/**
 * Registers the hooks of a browser-test file: before its tests, a portal with the demo data
 * (`startPortal`) and Chromium; after them, both stopped. Call it at the top of the file; the
 * object it returns gives the two once the first hook has run.
 */
export function setUpPortalAndBrowser(): PortalAndBrowser {
  let portal: RunningPortal | undefined;
  let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    portal = await startPortal();
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
    await portal?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The portal and the browser start in beforeAll: use them inside a test or a later hook.');
    return value;
  };
  return {
    get portal() {
      return started(portal);
    },
    get browser() {
      return started(launched).browser;
    },
  };
}

/** A new browser context (own cookies and storage) at a viewport. */
export async function newPage(browser: Browser, viewport: { width: number; height: number } = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  return { context, page };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page (WCAG 2.x A and AA rules and best practices) and returns the serious and critical
 * violations; a test expects the list to be empty.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // The server's CSP (script-src 'self') rightly blocks an injected inline <script>
  // (page.addScriptTag); evaluating the source through the DevTools protocol is not subject
  // to CSP, so the test keeps the real policy switched on instead of bypassing it.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axe.source);
  const all = await page.evaluate<AxeViolation[]>(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) })))
  `);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails the test on serious or critical accessibility violations of the page. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Saves a full-page screenshot when E2E_SHOTS names a folder (for looking at the screens). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Logs in through the login page with the demonstration password. */
export async function logInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${baseUrl}/`);
}
