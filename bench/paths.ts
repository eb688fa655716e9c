// Where things are: the repo root from this file, and the shared benchmark instances beside
// the repo (../shared/bench), read at run time and never copied in. A worktree nested one level
// deeper finds them by walking up; DRAWDOWN_SHARED_BENCH overrides both.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sharedBench(): string {
  const override = process.env.DRAWDOWN_SHARED_BENCH;
  if (override) return resolve(override);
  for (let dir = dirname(REPO_ROOT); ; dir = dirname(dir)) {
    const candidate = resolve(dir, 'shared/bench');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return resolve(REPO_ROOT, '../shared/bench');
  }
}

export const SHARED_BENCH = sharedBench();
