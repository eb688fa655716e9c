// Request bodies to app inputs. Every input problem comes back as a list of issues with paths
// (design.md: the first error channel); nothing here throws for bad input.

import type { Context } from 'hono';
import { z } from 'zod';
import type { ScenarioFormat } from '../app/index.ts';
import type { Issue } from '../model/index.ts';

export type { Issue };

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

// no text/plain and no missing type: those are what a cross-site form sends (guard.ts refuses them)
const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);

export function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

export function isJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

/** A scenario body: JSON (application/json) or YAML text (application/yaml, text/yaml). */
export async function scenarioText(c: Context): Promise<Parsed<{ format: ScenarioFormat; text: string }>> {
  const type = mediaType(c);
  const format: ScenarioFormat | undefined = isJson(type) ? 'json' : YAML_TYPES.has(type) ? 'yaml' : undefined;
  if (!format) {
    return { ok: false, issues: [{ path: '', code: 'usage', value: type, message: `unsupported Content-Type "${type}": send application/json or application/yaml` }] };
  }
  return { ok: true, value: { format, text: await c.req.text() } };
}

/** A JSON body; an empty body reads as `{}` when `emptyOk`. */
export async function jsonBody(c: Context, emptyOk = false): Promise<Parsed<unknown>> {
  const text = await c.req.text();
  if (text.trim() === '' && emptyOk) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, issues: [{ path: '', code: 'syntax', message: `JSON syntax: ${(e as Error).message}` }] };
  }
}

export function zodIssues(error: z.ZodError, prefix = ''): Issue[] {
  return error.issues.map((i) => ({
    path: joinPath(prefix, pathString(i.path)),
    code: i.code === 'unrecognized_keys' ? ('unknown_field' as const) : i.code === 'invalid_type' ? ('type' as const) : ('value' as const),
    message: i.message,
  }));
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
