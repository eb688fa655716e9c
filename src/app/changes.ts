// What changed between two versions of a scenario, field by field, for the answer to a save based
// on an old version (409): `agreements[NE].deadline: "2024-09-15" -> "2024-08-31"`. Lists whose
// entries all have an id are matched by id, so inserting an item does not shift every line after it.

export interface FieldChange {
  /** `items[gen-30kw].quantity`, `policy.passengerKg`, `items[tent]` (added or removed) */
  path: string;
  /** JSON of the value before; absent when added */
  before?: string;
  /** JSON of the value after; absent when removed */
  after?: string;
}

const keyOf = (x: unknown): string | undefined => {
  if (typeof x !== 'object' || x === null) return undefined;
  const o = x as Record<string, unknown>;
  for (const k of ['id', 'country', 'type']) if (typeof o[k] === 'string') return o[k] as string;
  return undefined;
};

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? 'null';
  return s.length > 120 ? s.slice(0, 119) + '…' : s;
}

function walk(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const ka = a.map(keyOf);
    const kb = b.map(keyOf);
    const keyed = [...ka, ...kb].every((k) => k !== undefined) && new Set(ka).size === ka.length && new Set(kb).size === kb.length;
    if (keyed) {
      const before = new Map(a.map((x, i) => [ka[i]!, x]));
      const after = new Map(b.map((x, i) => [kb[i]!, x]));
      for (const [k, x] of before) {
        if (!after.has(k)) out.push({ path: `${path}[${k}]`, before: short(x) });
        else walk(x, after.get(k), `${path}[${k}]`, out);
      }
      for (const [k, x] of after) if (!before.has(k)) out.push({ path: `${path}[${k}]`, after: short(x) });
      return;
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length) out.push({ path: `${path}[${i}]`, after: short(b[i]) });
      else if (i >= b.length) out.push({ path: `${path}[${i}]`, before: short(a[i]) });
      else walk(a[i], b[i], `${path}[${i}]`, out);
    }
    return;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in bo)) out.push({ path: p, before: short(ao[k]) });
      else if (!(k in ao)) out.push({ path: p, after: short(bo[k]) });
      else walk(ao[k], bo[k], p, out);
    }
    return;
  }
  out.push({ path: path || '(whole scenario)', before: short(a), after: short(b) });
}

/** Every changed field from `before` to `after`, in document order. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, '', out);
  return out;
}
