// A catalog value is only as good as its source: every field of a type names where it came
// from, and `assumption:` marks a value with no public source.

/** A catalog type and, for every field but `id`, the source of its value. */
export interface CatalogEntry<T extends { id: string }> {
  spec: T;
  sources: Record<Exclude<keyof T, 'id'>, string>;
}

/** Freezes an entry deeply so no caller can edit the shared catalog by accident. */
export function freezeEntry<T extends { id: string }>(entry: CatalogEntry<T>): CatalogEntry<T> {
  for (const v of Object.values(entry.spec)) {
    if (!Array.isArray(v)) continue;
    for (const e of v) if (e !== null && typeof e === 'object') Object.freeze(e);
    Object.freeze(v);
  }
  Object.freeze(entry.spec);
  Object.freeze(entry.sources);
  return Object.freeze(entry);
}

export const ASSUMPTION_PREFIX = 'assumption:';

/** One catalog value with its source, flat so `drawdown check --json` and docs can list them. */
export interface CatalogSource {
  kind: 'aircraft' | 'pallet' | 'crew';
  id: string;
  field: string;
  value: unknown;
  source: string;
  /** true when no public source exists and the value is a documented assumption */
  assumption: boolean;
}

export function entrySources<T extends { id: string }>(kind: CatalogSource['kind'], entry: CatalogEntry<T>): CatalogSource[] {
  const out: CatalogSource[] = [];
  for (const field of Object.keys(entry.spec) as (keyof T & string)[]) {
    if (field === 'id') continue;
    const source = entry.sources[field as Exclude<keyof T, 'id'>];
    out.push({
      kind,
      id: entry.spec.id,
      field,
      value: entry.spec[field],
      source,
      assumption: source.startsWith(ASSUMPTION_PREFIX),
    });
  }
  return out;
}
