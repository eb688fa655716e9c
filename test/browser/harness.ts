// What the browser tests and the screenshot script share: the built page (built here when
// missing), the real server on a free port with a throwaway database, and headless Chromium.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
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
  server: WorkspaceHandle;
  browser: Browser;
  close(): Promise<void>;
}

/** The built-in Niger scenario, loaded and planned by the real server, and a browser to look at it. */
export async function openWorkspace(): Promise<Workspace> {
  await ensurePageBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-browser-'));
  const server = await startWorkspace({ port: 0, db: join(dir, 'workspace.db'), print: () => {}, log: () => {} });
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
    server,
    browser,
    async close() {
      // The browser first, then the server, whatever failed before.
      await browser.close().catch(() => {});
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
