// What the browser tests and the screenshot script share: the built page (built here when
// missing), the real server on a free port with a throwaway database, headless Chromium, and the
// ways in: the one-time link `drawdown start` prints, an admin token (as DRAWDOWN_TOKEN sets it)
// for the test's own API calls, and users who sign in through the form.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startWorkspace, type WorkspaceHandle } from '../../src/server/index.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** `npm test` builds the page first; a bare run of this file builds it when web/dist is missing. */
export async function ensurePageBuilt(): Promise<void> {
  if (existsSync(join(ROOT, 'web', 'dist', 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

export interface Workspace {
  url: string;
  /** the address with the one-time login token: works for one page, once */
  loginUrl: string;
  /** an admin bearer token for the test's own API calls */
  token: string;
  server: WorkspaceHandle;
  browser: Browser;
  /** GET or POST the API as the admin token */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** a new browser context that records Content-Security-Policy violations (read them with cspViolations) */
  context(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Violations of the page's Content-Security-Policy seen so far (an inline style or script the policy blocked). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/** Signs a page in through the form, as a colleague does. */
export async function signInWithForm(page: Page, url: string, name: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** The built-in Niger scenario, loaded and planned by the real server, and a browser to look at it. */
export async function openWorkspace(): Promise<Workspace> {
  await ensurePageBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-browser-'));
  const token = `test-${randomBytes(24).toString('hex')}`;
  const server = await startWorkspace({ port: 0, db: join(dir, 'workspace.db'), print: () => {}, log: () => {}, adminToken: token });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (e) {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: server.url,
    loginUrl: server.loginUrl,
    token,
    server,
    browser,
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      return fetch(server.url + path, { ...init, headers });
    },
    async context(options) {
      const context = await browser.newContext(options);
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const w = window as unknown as { __csp?: string[] };
          (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      return context;
    },
    async close() {
      // The browser first, then the server, whatever failed before.
      await browser.close().catch(() => {});
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
