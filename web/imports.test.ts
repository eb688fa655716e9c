// The page imports only types from src/ (issue 10, item 1): what it runs comes from the API or
// from common/, so the planner's code never ships in the browser bundle and web/ cannot reach
// into a stage. common/ itself stands alone: it imports nothing from src/ or web/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Every static import or re-export and every dynamic import, with whether it is type-only. */
function imports(source: string): { spec: string; typeOnly: boolean; text: string }[] {
  const out: { spec: string; typeOnly: boolean; text: string }[] = [];
  for (const m of source.matchAll(/^(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm))
    out.push({ spec: m[4], typeOnly: Boolean(m[2]), text: m[0] });
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false, text: m[0] });
  return out;
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

test('the import scanner sees value, type and dynamic imports', () => {
  const found = imports(`import { a } from '../../src/x.ts';\nimport type {\n  B,\n} from '../../src/y.ts';\nconst c = await import('../../src/z.ts');\n`);
  assert.deepEqual(
    found.map((i) => [i.spec, i.typeOnly]),
    [['../../src/x.ts', false], ['../../src/y.ts', true], ['../../src/z.ts', false]],
  );
});

test('web/src imports nothing from src/ but types', () => {
  const files = tsFiles('web/src');
  assert.ok(files.length > 10, 'the page sources are found');
  const bad = files.flatMap((f) =>
    imports(readFileSync(join(root, f), 'utf8'))
      .filter((i) => /(^|\/)src\//.test(i.spec) && i.spec.startsWith('../') && !i.typeOnly)
      .map((i) => `${f}: ${i.text}`),
  );
  assert.deepEqual(bad, [], 'runtime code for the page belongs in common/ (or comes from the API)');
});

test('common/ stands alone', () => {
  const files = tsFiles('common');
  assert.ok(files.length > 0);
  const bad = files.flatMap((f) =>
    imports(readFileSync(join(root, f), 'utf8'))
      .filter((i) => i.spec.startsWith('.') && !i.spec.startsWith('./'))
      .map((i) => `${f}: ${i.text}`),
  );
  assert.deepEqual(bad, []);
});
