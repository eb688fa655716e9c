// Markdown field tables from zod schemas, for docs/formats.md. The tables come from the same
// schemas the loader and the plan reader use, so the contract a planner reads cannot drift
// from what the code accepts: scripts/formats-doc.ts writes them between markers and a test
// fails when the file is out of date. Reads zod's own definitions (`_zod.def`), no JSON Schema,
// because the checks' messages ("must be an ISO date ...") are the clearest statement of a range.

/** The parts of a zod schema's definition this module reads. */
interface Def {
  type: string;
  innerType?: Node;
  element?: Node;
  shape?: Record<string, Node>;
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  items?: readonly Node[];
  options?: readonly Node[];
  valueType?: Node;
  defaultValue?: unknown;
  checks?: readonly { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  value?: number | bigint;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
  error?: (issue: unknown) => unknown;
}
/** Any zod schema, as far as this module is concerned. */
export interface SchemaNode {
  _zod: { def: Def };
  description?: string;
}
type Node = SchemaNode;

export interface FieldRow {
  field: string;
  type: string;
  unit: string;
  /** `required`, `optional` or `default …` */
  presence: string;
  /** the range or form a value must have */
  allowed: string;
  meaning: string;
}

export interface TableOptions {
  /** keys left out of the table (e.g. the aircraft type fields a fleet line may override) */
  omit?: readonly string[];
  /** units of fields whose name and description do not say (x, y, z in metres...) */
  units?: Readonly<Record<string, string>>;
  /** rows appended after the schema's own */
  extra?: readonly FieldRow[];
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** The schema under optional/nullable/default wrappers, with what the wrappers say. */
function unwrap(node: Node): { core: Node; optional: boolean; nullable: boolean; hasDefault: boolean; defaultValue: unknown; description?: string } {
  let optional = false;
  let nullable = false;
  let hasDefault = false;
  let defaultValue: unknown;
  // The outermost description wins: `x.optional().describe('override: …')` overrides x's own.
  let description = node.description;
  let n = node;
  while (WRAPPERS.has(n._zod.def.type) && n._zod.def.innerType) {
    const d = n._zod.def;
    if (d.type === 'optional') optional = true;
    if (d.type === 'nullable') nullable = true;
    if ((d.type === 'default' || d.type === 'prefault') && !hasDefault) {
      hasDefault = true;
      defaultValue = d.defaultValue;
    }
    n = d.innerType!;
    description ??= n.description;
  }
  return { core: n, optional, nullable, hasDefault, defaultValue, description };
}

/** The object schema at `sites[]`, `sorties[].loads[]`, `policy`; throws on a path that is not there. */
export function schemaAt(root: SchemaNode, path: string): SchemaNode {
  const found = findAt(root, path);
  if (!found) throw new Error(`formats-doc: no field at "${path}"`);
  return found;
}

/** Whether the schema has a field at `items[].hazard` (so the loader accepts it). */
export function hasField(root: SchemaNode, path: string): boolean {
  return findAt(root, path) !== undefined;
}

function findAt(root: SchemaNode, path: string): SchemaNode | undefined {
  let n: Node | undefined = root;
  for (const part of path.split('.').filter(Boolean)) {
    const m = /^([^[\]]+)((?:\[\])*)$/.exec(part);
    if (!m || !n) return undefined;
    const shape: Record<string, Node> | undefined = unwrap(n).core._zod.def.shape;
    if (!shape || !Object.hasOwn(shape, m[1])) return undefined;
    n = shape[m[1]];
    for (let i = 0; i < m[2].length / 2; i++) {
      const core: Node = unwrap(n).core;
      if (core._zod.def.type !== 'array' || !core._zod.def.element) return undefined;
      n = core._zod.def.element;
    }
  }
  return n;
}

export function fieldRows(schema: SchemaNode, opts: TableOptions = {}): FieldRow[] {
  const shape = unwrap(schema).core._zod.def.shape;
  if (!shape) throw new Error('formats-doc: fieldRows needs an object schema');
  const rows: FieldRow[] = [];
  for (const [key, node] of Object.entries(shape)) {
    if (opts.omit?.includes(key)) continue;
    const u = unwrap(node);
    const { unit, meaning } = unitOf(key, u.description ?? '', opts.units?.[key]);
    rows.push({
      field: `\`${key}\``,
      type: typeOf(u.core) + (u.nullable ? ' or null' : ''),
      unit,
      presence: u.hasDefault ? `default ${literal(u.defaultValue)}` : u.optional ? 'optional' : 'required',
      allowed: allowedOf(u.core),
      meaning,
    });
  }
  return [...rows, ...(opts.extra ?? [])];
}

const UNIT_WORDS: Record<string, string> = { kg: 'kg', m: 'm', USD: 'USD', 'km/h': 'km/h', hours: 'h', h: 'h', degrees: 'degrees', days: 'days' };
// The project names quantities with their unit (unitWeightKg, floorLengthM, cruiseKmh).
const NAME_SUFFIXES: [RegExp, string][] = [
  [/Kg$/, 'kg'],
  [/Usd$/, 'USD'],
  [/Kmh$/, 'km/h'],
  [/Hours$/, 'h'],
  [/Days$/, 'days'],
  [/[a-z]M$/, 'm'],
];

/** The unit from a description's last words (`…, kg`), the field's name, or the caller. */
function unitOf(key: string, description: string, given?: string): { unit: string; meaning: string } {
  const tail = /,\s*(kg|m|USD|km\/h|hours|h|degrees|days)$/.exec(description);
  if (tail) return { unit: given ?? UNIT_WORDS[tail[1]], meaning: description.slice(0, tail.index) };
  const bySuffix = NAME_SUFFIXES.find(([re]) => re.test(key))?.[1];
  return { unit: given ?? bySuffix ?? '', meaning: description };
}

function typeOf(n: Node): string {
  const d = n._zod.def;
  switch (d.type) {
    case 'string':
      return 'string';
    case 'number':
      return d.checks?.some((c) => c._zod.def.check === 'number_format' && /int/.test(c._zod.def.format ?? '')) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return oneOf(Object.values(d.entries ?? {}).map((v) => `\`${v}\``));
    case 'literal':
      return oneOf((d.values ?? []).map((v) => `\`${JSON.stringify(v)}\``));
    case 'array': {
      const el = unwrap(d.element!).core;
      if (el._zod.def.type === 'object') return 'list of objects';
      return `list of ${plural(typeOf(el))}`;
    }
    case 'tuple':
      return `[${(d.items ?? []).map((i) => typeOf(unwrap(i).core)).join(', ')}]`;
    case 'object':
      return 'object';
    case 'record':
      return `object of ${plural(typeOf(unwrap(d.valueType!).core))}`;
    case 'union':
      return oneOf((d.options ?? []).map((o) => typeOf(unwrap(o).core)));
    case 'null':
      return 'null';
    case 'unknown':
    case 'any':
      return 'any';
    default:
      return d.type;
  }
}

function plural(type: string): string {
  return /^(string|number|integer|boolean|object)$/.test(type) ? `${type}s` : type;
}

function oneOf(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** The checks on a value, in words: "> 0", "-90 to 90", "non-empty", the check's own message. */
function allowedOf(n: Node): string {
  const d = n._zod.def;
  const out: string[] = [];
  let low: { v: number; inclusive: boolean } | undefined;
  let high: { v: number; inclusive: boolean } | undefined;
  for (const c of d.checks ?? []) {
    const cd = c._zod.def;
    const message = messageOf(cd);
    if (cd.check === 'greater_than') low = { v: Number(cd.value), inclusive: Boolean(cd.inclusive) };
    else if (cd.check === 'less_than') high = { v: Number(cd.value), inclusive: Boolean(cd.inclusive) };
    else if (cd.check === 'min_length')
      out.push(d.type === 'string' ? (cd.minimum === 1 ? 'non-empty' : `at least ${cd.minimum} characters`) : `at least ${cd.minimum === 1 ? 'one entry' : `${cd.minimum} entries`}`);
    else if (cd.check === 'max_length') out.push(`at most ${Number(cd.maximum).toLocaleString('en-US')} ${d.type === 'string' ? 'characters' : 'entries'}`);
    else if (cd.check === 'string_format' && cd.format === 'regex') out.push(message ?? `matches \`${String(cd.pattern)}\``);
    else if (cd.check === 'custom' && message) out.push(message);
  }
  const fig = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (low && high && low.inclusive && high.inclusive) out.unshift(`${fig(low.v)} to ${fig(high.v)}`);
  else {
    if (high) out.unshift(`${high.inclusive ? '≤' : '<'} ${fig(high.v)}`);
    if (low) out.unshift(`${low.inclusive ? '≥' : '>'} ${fig(low.v)}`);
  }
  if (d.type === 'array' && d.element) {
    const each = allowedOf(unwrap(d.element).core);
    if (each) out.push(`each ${each}`);
  }
  if (d.type === 'tuple' && d.items?.length) {
    const each = d.items.map((i) => allowedOf(unwrap(i).core));
    if (each.every((e) => e && e === each[0])) out.push(`each ${each[0]}`);
  }
  return out.join('; ');
}

/** A check's own message, without the "must be"/"expected" that the loader puts before it. */
function messageOf(cd: CheckDef): string | undefined {
  const m = cd.error?.({});
  if (typeof m !== 'string' || !m) return undefined;
  return m.replace(/^(must be|expected)\s+/, '');
}

function literal(v: unknown): string {
  return `\`${JSON.stringify(v)}\``;
}

const HEADER: (keyof FieldRow)[] = ['field', 'type', 'unit', 'presence', 'allowed', 'meaning'];
const TITLES: Record<keyof FieldRow, string> = {
  field: 'field',
  type: 'type',
  unit: 'unit',
  presence: 'required / default',
  allowed: 'allowed values',
  meaning: 'meaning',
};

function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

export function markdownTable(rows: readonly FieldRow[]): string {
  const lines = [
    `| ${HEADER.map((h) => TITLES[h]).join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${HEADER.map((h) => cell(r[h])).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** Any markdown table: a header row and rows of cells. */
export function simpleTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const BLOCK = /<!-- generated:([\w-]+) -->\n[\s\S]*?<!-- \/generated -->/g;

export interface Spliced {
  text: string;
  /** markers in the text with no block of that name */
  unknown: string[];
  /** blocks with no marker in the text */
  missing: string[];
  /** markers that appear more than once */
  repeated: string[];
}

/**
 * The text with every `<!-- generated:NAME -->` … `<!-- /generated -->` block replaced by the
 * block of that name; everything outside the markers is kept as written.
 */
export function spliceGenerated(text: string, blocks: Readonly<Record<string, string>>): Spliced {
  const seen = new Map<string, number>();
  const unknown: string[] = [];
  const out = text.replace(BLOCK, (whole, name: string) => {
    seen.set(name, (seen.get(name) ?? 0) + 1);
    if (!Object.hasOwn(blocks, name)) {
      unknown.push(name);
      return whole;
    }
    return `<!-- generated:${name} -->\n${blocks[name].trimEnd()}\n<!-- /generated -->`;
  });
  return {
    text: out,
    unknown,
    missing: Object.keys(blocks).filter((b) => !seen.has(b)),
    repeated: [...seen].filter(([, n]) => n > 1).map(([b]) => b),
  };
}
