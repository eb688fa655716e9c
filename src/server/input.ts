// Request bodies to app inputs. Every input problem comes back as a list of issues with paths
// (design.md: the first error channel); nothing here throws for bad input.

import type { Context } from 'hono';
import { z } from 'zod';
import { decodeText, isBusy, jsonDepthIssue, sharedReader, type Busy, type Reader, type ScenarioFormat, type ScenarioRead } from '../app/index.ts';
import type { Issue } from '../model/index.ts';

export type { Issue };

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] } | Busy;

/** A refused body: 429 with Retry-After when the reader is busy, else 400 with the issues. */
export function refuse(c: Context, body: { ok: false; issues: Issue[] }): Response {
  if (isBusy(body)) return c.json({ issues: body.issues, error: body.issues[0]?.message ?? 'busy', code: 'busy' }, 429, { 'retry-after': String(body.retryAfterS) });
  return c.json({ issues: body.issues }, 400);
}

/** The body as UTF-8 text: text in another encoding is an issue, never replacement characters. */
export async function bodyText(c: Context): Promise<Parsed<string>> {
  const d = decodeText(new Uint8Array(await c.req.arrayBuffer()));
  return d.ok ? { ok: true, value: d.text } : d;
}

// no text/plain and no missing type: those are what a cross-site form sends (guard.ts refuses them)
const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);

export function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

export function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * A scenario body: JSON (application/json) or YAML text (application/yaml, text/yaml), with the
 * scenario read off the main thread (`read`: valid, or its issues).
 */
export async function scenarioText(c: Context, reader: Reader = sharedReader): Promise<Parsed<{ format: ScenarioFormat; text: string; read: ScenarioRead }>> {
  const type = mediaType(c);
  const format: ScenarioFormat | undefined = isJson(type) ? 'json' : YAML_TYPES.has(type) ? 'yaml' : undefined;
  if (!format) {
    return { ok: false, issues: [{ path: '', code: 'usage', value: type, message: `unsupported Content-Type "${type}": send application/json or application/yaml` }] };
  }
  const text = await bodyText(c);
  if (!text.ok) return text;
  const read = text.value.trim() === '' ? undefined : await reader.scenarioText(format, text.value);
  if (read && isBusy(read)) return read;
  return { ok: true, value: { format, text: text.value, read: read ?? { ok: false, issues: [{ path: '', code: 'required', message: 'the scenario is empty' }] } } };
}

/** A JSON body; an empty body reads as `{}` when `emptyOk`. */
export async function jsonBody(c: Context, emptyOk = false): Promise<Parsed<unknown>> {
  const body = await bodyText(c);
  if (!body.ok) return body;
  const text = body.value.replace(/^\uFEFF/, '');
  if (text.trim() === '' && emptyOk) return { ok: true, value: {} };
  // JSON.parse copes with any depth; what reads the value afterwards may not
  const deep = jsonDepthIssue(text);
  if (deep) return { ok: false, issues: [deep] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, issues: [{ path: '', code: 'syntax', message: `JSON syntax: ${(e as Error).message}` }] };
  }
}

export function zodIssues(error: z.ZodError, prefix = ''): Issue[] {
  return error.issues.flatMap((i): Issue[] => {
    // one issue per unknown key, at its own path, as the scenario reader names them
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: joinPath(prefix, pathString([...i.path, k])), code: 'unknown_field', message: 'unknown field' }));
    const code = i.code === 'invalid_type' ? 'type' : i.code === 'too_small' || i.code === 'too_big' ? 'range' : 'value';
    return [{ path: joinPath(prefix, pathString(i.path)), code, message: i.message }];
  });
}

function pathString(path: readonly PropertyKey[]): string {
  return path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** `scenario` + `items[0].id` -> `scenario.items[0].id`; `plan` + `` -> `plan`. */
export function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

export const PlanRequestSchema = z.strictObject({
  version: z.number().int().positive().optional(),
  seed: z.number().int().optional(),
});

export const VerifyRequestSchema = z.strictObject({
  scenario: z.record(z.string(), z.unknown()).optional(),
  scenarioText: z.string().optional(),
  scenarioFormat: z.enum(['yaml', 'json']).optional(),
  scenarioId: z.number().int().positive().optional(),
  version: z.number().int().positive().optional(),
  plan: z.unknown(),
});

/** A positive integer path or query parameter, or undefined. */
export function positiveInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9][0-9]{0,14}$/.test(text)) return undefined;
  return Number(text);
}
