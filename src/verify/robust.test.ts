// Whatever JSON a user passes, parsePlan answers with issues and verifyPlan with violations:
// neither throws, and no rule family gives up on a plan. A valid plan is broken at random (fields
// dropped, wrong types, huge numbers, NaN-like strings, values moved from elsewhere) with the
// project's one seeded generator, so a failure names its seed and replays.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plan } from '../model/index.ts';
import { RULES } from '../model/index.ts';
import type { Rng } from '../generate/random.ts';
import { rng } from '../generate/random.ts';
import { parsePlan } from './plan-shape.ts';
import { verifyPlan } from './index.ts';
import { tinyCase } from './fixtures.ts';

type Json = unknown;
type Container = Record<string, Json> | Json[];

const ODD: Json[] = [
  null, true, false, 0, -1, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 1e-320,
  NaN, Infinity, -Infinity, '', ' ', 'NaN', 'Infinity', '-Infinity', '1e999', 'null', 'undefined',
  '2024-13-45T99:99:99Z', '0000-00-00', 'C-17A#0', 'C-17A#999999999999', '__proto__', 'constructor',
  [], [null], [[]], {}, { id: 'x' }, { length: 3 },
];

/** Every container in the document with the path to it, for picking a place to break. */
function containers(doc: Json, out: Container[] = []): Container[] {
  if (doc !== null && typeof doc === 'object') {
    out.push(doc as Container);
    for (const v of Object.values(doc)) containers(v, out);
  }
  return out;
}

function scalars(doc: Json, out: Json[] = []): Json[] {
  if (doc !== null && typeof doc === 'object') for (const v of Object.values(doc)) scalars(v, out);
  else out.push(doc);
  return out;
}

/** One random change somewhere in the document. */
function mutate(doc: Container, r: Rng): void {
  const all = containers(doc);
  const at = r.pick(all);
  const keys = Object.keys(at);
  if (keys.length === 0) {
    if (Array.isArray(at)) at.push(r.pick(ODD));
    else at[r.pick(['id', 'x', 'rule'])] = r.pick(ODD);
    return;
  }
  const key = r.pick(keys);
  const set = (v: Json) => {
    if (Array.isArray(at)) at[Number(key)] = v;
    else at[key] = v;
  };
  switch (r.int(0, 6)) {
    case 0: // drop the field, or the list element
      if (Array.isArray(at)) at.splice(Number(key), 1);
      else delete at[key];
      break;
    case 1: // a value of the wrong kind, an edge number or a NaN-like string
    case 2:
      set(structuredClone(r.pick(ODD)));
      break;
    case 3: // a value from elsewhere in the plan: an id where another id belongs, a time as a count
      set(structuredClone(r.pick(scalars(doc))));
      break;
    case 4: // a huge or tiny number where a number was
      set(r.pick([1e12, -1e12, 1e300, 5e-324, -0, r.real(-1e6, 1e6)]));
      break;
    case 5: // a list element twice, or a list emptied
      if (Array.isArray(at)) {
        if (r.chance(0.5)) at.push(structuredClone(at[Number(key)]));
        else at.length = 0;
      } else set(structuredClone(at[r.pick(keys)]));
      break;
    default: // the whole value swapped for an object or a list of it
      set(r.chance(0.5) ? [structuredClone(at[key as never])] : { value: structuredClone(at[key as never]) });
  }
}

function assertReport(v: ReturnType<typeof verifyPlan>, where: string): void {
  assert.ok(Array.isArray(v), where);
  for (const x of v) {
    assert.ok((RULES as readonly string[]).includes(x.rule), `${where}: rule ${x.rule}`);
    assert.equal(typeof x.message, 'string', where);
    assert.ok(Array.isArray(x.refs) && x.refs.every((s) => typeof s === 'string'), `${where}: refs`);
    for (const f of ['amount', 'limit'] as const) {
      if (f in x) assert.ok(Number.isFinite(x[f]), `${where}: ${f} ${x[f]} in ${x.message}`);
    }
    // A family that gave up would hide every other finding of that family.
    assert.doesNotMatch(x.message, /could not finish|cannot be read/, `${where}: ${x.message}`);
  }
}

test('parsePlan and verifyPlan never throw on a plan broken at random', () => {
  for (let seed = 1; seed <= 600; seed++) {
    const r = rng(seed);
    const { scenario, plan } = tinyCase();
    const doc = structuredClone(plan) as unknown as Container;
    for (let k = r.int(1, 6); k > 0; k--) mutate(doc, r);
    const where = `seed ${seed}`;

    let parsed: ReturnType<typeof parsePlan> | undefined;
    assert.doesNotThrow(() => (parsed = parsePlan(doc)), where);
    if (parsed!.ok) assertReport(verifyPlan(scenario, parsed!.plan), `${where} (parsed)`);
    else for (const i of parsed!.issues) assert.ok(typeof i.path === 'string' && i.message.length > 0, where);

    // The library entry point may be handed anything a caller has, unparsed.
    let raw: ReturnType<typeof verifyPlan> | undefined;
    assert.doesNotThrow(() => (raw = verifyPlan(scenario, doc as unknown as Plan)), where);
    assertReport(raw!, `${where} (raw)`);
  }
});

test('documents that are not plans at all', () => {
  const { scenario } = tinyCase();
  for (const doc of [null, undefined, 0, 'plan', [], [1, 2], {}, { sorties: 'many' }, { sorties: [null, 1, 'x'] }, { pallets: [{}], sorties: [{ loads: [{}] }] }]) {
    const where = JSON.stringify(doc) ?? 'undefined';
    assert.doesNotThrow(() => parsePlan(doc), where);
    assert.equal(parsePlan(doc).ok, false, where);
    let v: ReturnType<typeof verifyPlan> = [];
    assert.doesNotThrow(() => (v = verifyPlan(scenario, doc as unknown as Plan)), where);
    assert.ok(v.length > 0, `${where}: a non-plan is not valid`);
    assertReport(v, where);
  }
});
