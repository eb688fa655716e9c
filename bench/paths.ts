// Where things are: the repo root from this file, and the shared benchmark instances beside
// the repo (../shared/bench), read at run time and never copied in.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_BENCH = resolve(REPO_ROOT, '../shared/bench');
