// Property-based fuzzing of every reader of input (issue 14): the scenario parser (YAML and
// JSON), the plan parser (app readPlanText, src/verify/plan-shape.ts) with the verifier behind
// it, the spreadsheet reader and importer, the CLI and the HTTP API. Inputs are random text and
// bytes, and valid documents broken in the ways attackers and careless users break them:
// nasty tokens spliced in, slices cut or repeated (repeated keys), nesting, aliases, extreme
// numbers put into real fields. The properties: nothing throws, no exit 70, no HTTP 500, no
// stack trace in a message, and every rejection is issues that name where they are.
// fuzz.test.ts runs each briefly in `npm test`; scripts/fuzz.ts runs them long.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import {
  exportInventory, importSheets, parseScenarioObject, parseScenarioText, PACKAGE_ROOT, planScenario, readPlanText, verifyPlanAgainst,
  Workspace, type ScenarioFormat,
} from '../../src/app/index.ts';
import { main } from '../../src/cli/main.ts';
import type { Issue, IssueCode, Plan, Scenario } from '../../src/model/index.ts';
import { RANGES, type Range } from '../../src/scenario/limits.ts';
import { readGrid } from '../../src/sheets/read.ts';
import { createApp } from '../../src/server/app.ts';
import { signedIn, TEST_ADMIN_TOKEN } from '../../src/server/testkit.ts';

export interface FuzzRun {
  numRuns: number;
  seed?: number;
}

const CODES = new Set<IssueCode>(['syntax', 'required', 'type', 'range', 'value', 'unknown_field', 'unknown_ref', 'duplicate', 'conflict', 'unreadable', 'limit', 'wrong_file', 'usage']);
/** Codes an issue about the whole document may have (path ''); any other issue names its path. */
const WHOLE = new Set<IssueCode>(['syntax', 'limit', 'unreadable', 'wrong_file', 'required', 'type', 'usage']);

/** A message a planner may read: no stack, no source paths of ours. */
export function assertMessage(text: string, where: string): void {
  assert.equal(typeof text, 'string', where);
  assert.ok(text.length > 0, `${where}: an empty message`);
  assert.ok(!/\n\s+at |node_modules|\.ts:\d+|\bat file:\/\//.test(text), `${where}: a stack trace in ${JSON.stringify(text.slice(0, 300))}`);
}

/** Issues as every reader must give them: known codes, a path (or a whole-document code), a message. */
export function assertIssues(issues: readonly Issue[], where: string, opts: { sheet?: boolean } = {}): void {
  assert.ok(Array.isArray(issues) && issues.length > 0, `${where}: refused without an issue`);
  for (const i of issues) {
    assert.ok(CODES.has(i.code), `${where}: unknown code ${i.code}`);
    assert.equal(typeof i.path, 'string', where);
    // a sheet names its place by file, row and column; a document by its path
    if (!opts.sheet && i.path === '') assert.ok(WHOLE.has(i.code), `${where}: a ${i.code} issue without a path: ${i.message}`);
    // (an import also reports on the scenario it builds: those name their path, or the whole)
    if (opts.sheet) assert.ok(i.file !== undefined || i.path !== '' || WHOLE.has(i.code), `${where}: a sheet issue without its file`);
    assertMessage(i.message, where);
    if (i.hint !== undefined) assertMessage(i.hint, where);
  }
}

const read = (p: string) => readFileSync(join(PACKAGE_ROOT, p), 'utf8');
export const TINY_YAML = read('scenarios/tiny.yaml');
const tinyRead = parseScenarioText('yaml', TINY_YAML);
if (!tinyRead.ok) throw new Error('scenarios/tiny.yaml does not load');
export const TINY: Scenario = tinyRead.scenario;
/** tiny.yaml as the JSON a planner would write: the file's own fields, not the normalised scenario. */
export const TINY_JSON = JSON.stringify(parseYaml(TINY_YAML), null, 2);

let tinyPlanText: string | undefined;
/** The plan of tiny.yaml, made once. */
export function tinyPlan(): string {
  tinyPlanText ??= JSON.stringify(planScenario(TINY, { remedies: false }), null, 1);
  return tinyPlanText;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Tokens that break readers: structure, YAML specials, escapes, extreme numbers, odd code points. */
const NASTY = [
  '[', ']', '{', '}', ',', ':', ': ', '- ', '"', "'", '\\', '\n', '\r\n', '\t', '#', '&a ', '*a', '&b [1, 2]', '<<: *a', '? ', '!!binary ',
  '!!str ', '!custom ', '%YAML 1.1\n', '---\n', '...\n', '|\n', '>-\n', '\uFEFF', '\u0000', '\u2028', '\uD800', 'é', '🙂', '__proto__',
  'constructor', 'prototype', 'toString', '1e308', '-1e308', '1e-9', '-0', '0', '-1', '2147483648', '9007199254740993', 'NaN', '.nan',
  '.inf', '-.inf', '0x1F', '0o17', '1_000', 'true', 'null', '~', '""', '[]', '{}', '9'.repeat(400), 'x'.repeat(5000), '[[[[[[[[', ']]]]',
];

/** Text with k edits: a nasty token spliced in, a slice cut, or a slice repeated (repeated keys, lines). */
export function mutatedText(bases: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), token: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 })) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(200) }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(300), times: fc.integer({ min: 1, max: 5 }) }),
  );
  return fc.tuple(fc.constantFrom(...bases), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([base, edits]) => {
    let t = base;
    for (const e of edits) {
      const at = Math.floor(e.at * t.length);
      if (e.kind === 'insert') t = t.slice(0, at) + e.token + t.slice(at);
      else if (e.kind === 'cut') t = t.slice(0, at) + t.slice(at + e.length);
      else t = t.slice(0, at) + t.slice(at, at + e.length).repeat(e.times + 1) + t.slice(at + e.length);
    }
    return t;
  });
}

/** Nesting, aliases and sizes aimed at the limits. */
const aimed: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 3000 }).map((n) => `name: x\nitems: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`),
  fc.integer({ min: 1, max: 80 }).map((n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n'),
  fc.integer({ min: 1, max: 2000 }).map((n) => `a: &a [x, y]\nb: [${Array(n).fill('*a').join(', ')}]\n`),
  fc.integer({ min: 1, max: 12 }).map((n) => Array.from({ length: n }, (_, i) => (i === 0 ? 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]' : `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`)).join('\n')),
  fc.integer({ min: 1, max: 3000 }).map((n) => `${TINY_YAML}\npolicy:\n${Array.from({ length: n }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`),
);

/** Every path in a JSON value, for structured mutations. */
function pathsOf(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
  return copy;
}

/** Numbers and values that once crashed the planner or the verifier, and their kin. */
const extremeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, -1e308, 1e-9, -1, 0, 1e9, 1e6, 2 ** 31, 2 ** 53 + 1, 0.5, -0, '', 'x'.repeat(300), null, true, [], {}, [null], ['__proto__']),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A valid document with one value replaced by an extreme or random one. */
export function structurallyMutated(doc: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(doc);
  return fc.array(fc.tuple(fc.nat(paths.length - 1), extremeValue), { minLength: 1, maxLength: 3 }).map((edits) => {
    let v = doc;
    for (const [i, value] of edits) {
      try {
        v = setAt(v, paths[i], value);
      } catch {
        // an earlier edit removed the path: keep the document as it is
      }
    }
    return v;
  });
}

const tinyValue = JSON.parse(TINY_JSON) as unknown;

/** Scenario texts of every kind, with the format to read them in. */
export const scenarioInput: fc.Arbitrary<{ format: ScenarioFormat; text: string }> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom<ScenarioFormat>('yaml', 'json'), mutatedText([TINY_YAML, TINY_JSON])).map(([format, text]) => ({ format, text })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom<ScenarioFormat>('yaml', 'json'), structurallyMutated(tinyValue)).map(([format, v]) => ({ format, text: format === 'json' ? JSON.stringify(v) ?? 'null' : toYaml(v) })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom<ScenarioFormat>('yaml', 'json'), aimed).map(([format, text]) => ({ format, text })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom<ScenarioFormat>('yaml', 'json'), fc.string({ unit: 'binary', maxLength: 300 })).map(([format, text]) => ({ format, text })) },
);

/**
 * tiny.yaml with its numbers set anywhere in their ranges (limits.ts), edges included: what the
 * reader accepts, the planner must handle. Counts stay small so each plan takes milliseconds.
 */
export const inRangeScenario: fc.Arbitrary<unknown> = (() => {
  const file = JSON.parse(TINY_JSON) as Record<string, Record<string, unknown>[] | Record<string, unknown>>;
  const slots: { path: (string | number)[]; range: Range }[] = [];
  for (const [name, range] of Object.entries(RANGES) as [string, Range][]) {
    const [section, field] = name.split('.');
    const small = ['items.quantity', 'aircraft.count', 'personnel.count', 'policy.minSecurityPerSite'].includes(name);
    const r = small ? { ...range, max: Math.min(range.max, 60) } : range;
    const at = file[section];
    if (section === 'policy') slots.push({ path: [section, field], range: r });
    else if (Array.isArray(at)) at.forEach((_, i) => field !== 'cgRangeM' && slots.push({ path: [section, i, field], range: r }));
  }
  const valueIn = (g: Range) => fc.oneof(
    fc.constantFrom(g.max, g.minInclusive ? g.min : g.min + (g.int ? 1 : 1e-6)),
    g.int ? fc.integer({ min: Math.ceil(g.min), max: g.max }) : fc.double({ min: g.min, max: g.max, noNaN: true, minExcluded: !g.minInclusive }),
  ).map((v) => (g.int ? Math.round(v) : v));
  return fc.array(fc.nat(slots.length - 1).chain((i) => valueIn(slots[i].range).map((v) => [i, v] as const)), { minLength: 1, maxLength: 8 })
    .map((edits) => {
      let v: unknown = file;
      for (const [i, value] of edits) v = setAt(v, slots[i].path, value);
      return v;
    });
})();

// ---------------------------------------------------------------------------------------------
// Properties

/** The scenario parser never throws; a rejection is issues naming their places; a valid scenario plans. */
export function fuzzScenarioParser(run: FuzzRun, opts: { plan?: boolean } = {}): void {
  fc.assert(fc.property(scenarioInput, ({ format, text }) => {
    const r = parseScenarioText(format, text);
    if (!r.ok) return assertIssues(r.issues, `${format} scenario`);
    for (const w of r.warnings) assertMessage(w.message, 'warning');
    if (opts.plan) {
      // what the parser accepts, the planner and the verifier handle: no exception, a plan
      const plan = planScenario(r.scenario, { remedies: false });
      assert.ok(Array.isArray(plan.sorties));
      for (const v of plan.violations) assertMessage(v.message, `violation ${v.rule}`);
    }
  }), { numRuns: run.numRuns, ...(run.seed !== undefined ? { seed: run.seed } : {}) });
  // an object given to the API is read as its JSON
  fc.assert(fc.property(structurallyMutated(tinyValue), (v) => {
    const r = parseScenarioObject(v);
    if (!r.ok) assertIssues(r.issues, 'scenario object');
  }), { numRuns: Math.max(1, Math.floor(run.numRuns / 4)), ...(run.seed !== undefined ? { seed: run.seed } : {}) });
}

/** Scenarios with every number somewhere in its range: they load, and the planner plans them without an exception. */
export function fuzzPlanner(run: FuzzRun): void {
  fc.assert(fc.property(inRangeScenario, (v) => {
    const r = parseScenarioObject(v);
    // a cross-check may still refuse a combination (a usable length over the footprint)
    if (!r.ok) return assertIssues(r.issues, 'in-range scenario');
    const plan = planScenario(r.scenario, { remedies: false });
    for (const [k, x] of Object.entries(plan.metrics)) assert.ok(Number.isFinite(x), `metrics.${k} is ${x}`);
    for (const x of plan.violations) assertMessage(x.message, `violation ${x.rule}`);
    for (const x of plan.problems) assertMessage(x.message, 'problem');
  }), { numRuns: run.numRuns, ...(run.seed !== undefined ? { seed: run.seed } : {}) });
}

/** The plan parser never throws; a plan it accepts, the verifier checks without throwing. */
export function fuzzPlanParser(run: FuzzRun): void {
  const text = tinyPlan();
  const value = JSON.parse(text) as unknown;
  const input = fc.oneof(
    { weight: 3, arbitrary: mutatedText([text]) },
    { weight: 3, arbitrary: structurallyMutated(value).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: aimed },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  );
  fc.assert(fc.property(input, (t) => {
    const r = readPlanText(t);
    if (!r.ok) return assertIssues(r.issues, 'plan');
    const v = verifyPlanAgainst(TINY, r.plan as Plan);
    assert.ok(v.ok);
    for (const x of v.violations) assertMessage(x.message, `violation ${x.rule}`);
  }), { numRuns: run.numRuns, ...(run.seed !== undefined ? { seed: run.seed } : {}) });
}

let sheetBases: { csv: string; xlsx: Uint8Array } | undefined;
async function sheets(): Promise<{ csv: string; xlsx: Uint8Array }> {
  if (!sheetBases) {
    const csv = await exportInventory(TINY, 'csv');
    const xlsx = await exportInventory(TINY, 'xlsx');
    sheetBases = { csv: String(csv.data), xlsx: new Uint8Array(xlsx.data as Buffer) };
  }
  return sheetBases;
}

/** The spreadsheet reader and the importer never throw, whatever the bytes. */
export async function fuzzSheets(run: FuzzRun): Promise<void> {
  const { csv, xlsx } = await sheets();
  const flips = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
  const input = fc.oneof(
    { weight: 3, arbitrary: mutatedText([csv]).map((t) => ({ name: 'items.csv', bytes: new Uint8Array(Buffer.from(t)) })) },
    { weight: 3, arbitrary: flips.map((fs) => {
      const b = new Uint8Array(xlsx);
      for (const [at, byte] of fs) b[Math.floor(at * (b.length - 1))] = byte;
      return { name: 'items.xlsx', bytes: b };
    }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('items.csv', 'items.xlsx', 'items.tsv', 'items'), fc.uint8Array({ maxLength: 400 })).map(([name, bytes]) => ({ name, bytes })) },
  );
  await fc.assert(fc.asyncProperty(input, async ({ name, bytes }) => {
    const g = await readGrid({ buffer: bytes, name }, 'Items');
    if (!g.ok) assertIssues([g.issue], `sheet ${name}`, { sheet: true });
    const r = await importSheets({ items: { buffer: bytes, name }, base: { text: TINY_YAML } });
    if (!r.ok) assertIssues(r.issues, `import ${name}`, { sheet: true });
  }), { numRuns: run.numRuns, ...(run.seed !== undefined ? { seed: run.seed } : {}) });
}

/** `drawdown check` and `drawdown verify` on fuzzed files: exit 0, 1 or 2, never 70; no stack trace. */
export async function fuzzCli(run: FuzzRun): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-fuzz-'));
  try {
    const plan = tinyPlan();
    const scenarioFile = join(dir, 'tiny.yaml');
    writeFileSync(scenarioFile, TINY_YAML);
    const input = fc.tuple(scenarioInput, fc.oneof(mutatedText([plan]), structurallyMutated(JSON.parse(plan)).map((v) => JSON.stringify(v) ?? '')));
    await fc.assert(fc.asyncProperty(input, async ([{ format, text }, planText]) => {
      const file = join(dir, `s.${format}`);
      writeFileSync(file, text);
      const planFile = join(dir, 'plan.json');
      writeFileSync(planFile, planText);
      for (const argv of [['check', file], ['verify', scenarioFile, planFile]]) {
        const out: string[] = [];
        const code = await main(argv, { out: (s) => out.push(s), err: (s) => out.push(s) });
        assert.ok([0, 1, 2].includes(code), `drawdown ${argv[0]} exited ${code}: ${out.join('\n').slice(0, 500)}`);
        for (const line of out) assertMessage(line || ' ', `drawdown ${argv[0]}`);
      }
    }), { numRuns: run.numRuns, ...(run.seed !== undefined ? { seed: run.seed } : {}) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The API on fuzzed bodies: never a 500, always JSON with issues on a 400. */
export async function fuzzServer(run: FuzzRun): Promise<void> {
  const workspace = Workspace.open({ db: ':memory:', log: () => {}, planner: () => new Promise(() => {}), adminToken: TEST_ADMIN_TOKEN });
  const logged: string[] = [];
  const app = signedIn(createApp({ workspace, webRoot: join(tmpdir(), 'drawdown-no-dist'), log: (m) => void logged.push(m) }));
  try {
    const plan = tinyPlan();
    const routes = fc.constantFrom('/api/validate', '/api/scenarios', '/api/verify', '/api/scenarios/1/versions', '/api/scenarios/1/plans');
    const types = fc.constantFrom('application/json', 'application/yaml', 'text/plain', 'text/html', '');
    const body = fc.oneof(
      scenarioInput.map((s) => s.text),
      mutatedText([plan]).map((p) => `{"scenarioText": ${JSON.stringify(TINY_YAML)}, "plan": ${p}}`),
      structurallyMutated({ scenarioId: 1, plan: JSON.parse(plan) }).map((v) => JSON.stringify(v) ?? ''),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
    );
    assert.equal((await app.request('/api/scenarios', { method: 'POST', body: TINY_YAML, headers: { 'content-type': 'application/yaml' } })).status, 201);
    await fc.assert(fc.asyncProperty(routes, types, body, async (path, type, text) => {
      const res = await app.request(path, { method: 'POST', body: text, headers: type ? { 'content-type': type } : {} });
      assert.notEqual(res.status, 500, `${path} answered 500: ${logged.join('\n').slice(0, 500)}`);
      const json = (await res.json()) as { issues?: Issue[]; error?: string };
      if (res.status === 400) assertIssues(json.issues ?? [], `${path} ${type}`);
      if (json.error) assertMessage(json.error, path);
    }), { numRuns: run.numRuns, ...(run.seed !== undefined ? { seed: run.seed } : {}) });
  } finally {
    await workspace.close();
  }
}
