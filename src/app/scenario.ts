// Use case: read a scenario, from a file, a built-in name or text. Every input problem comes
// back as issues (src/model/issues.ts); nothing here throws for bad input.

import type { Issue, Scenario } from '../model/index.ts';
import { decodeUtf8, LIMITS, loadScenarioFile, parseScenario, tooDeep } from '../scenario/index.ts';
import { BUILTIN_SCENARIO } from './paths.ts';

export type ScenarioFormat = 'yaml' | 'json';

export type ScenarioRead =
  | { ok: true; scenario: Scenario; warnings: Issue[]; file?: string }
  | { ok: false; issues: Issue[]; file?: string };

/** Names the user may give instead of a path. */
export const BUILTIN_SCENARIOS: Readonly<Record<string, string>> = { 'niger-2024': BUILTIN_SCENARIO };

/** The file a name or path stands for: a built-in name, or the path as given. */
export function scenarioPath(pathOrName: string): string {
  return BUILTIN_SCENARIOS[pathOrName] ?? pathOrName;
}

/** A scenario file (YAML or JSON by extension) or a built-in name; issues carry the file. */
export function readScenarioFile(pathOrName: string): ScenarioRead {
  const file = scenarioPath(pathOrName);
  const r = loadScenarioFile(file);
  const withFile = (list: Issue[]) => list.map((i) => ({ ...i, file: i.file ?? file }));
  return r.ok ? { ok: true, scenario: r.scenario, warnings: withFile(r.warnings), file } : { ok: false, issues: withFile(r.issues), file };
}

/** Scenario text as a request or the editor sends it. */
export function parseScenarioText(format: ScenarioFormat, text: string): ScenarioRead {
  if (text.trim() === '') return { ok: false, issues: [{ path: '', code: 'required', message: 'the scenario is empty' }] };
  const r = parseScenario(text, { format });
  return r.ok ? { ok: true, scenario: r.scenario, warnings: r.warnings } : { ok: false, issues: r.issues };
}

/** A scenario given as an object (JSON already parsed): checked as its JSON text would be, without lines. */
export function parseScenarioObject(value: unknown): ScenarioRead {
  const r = parseScenarioText('json', JSON.stringify(value) ?? '');
  const noLines = (list: Issue[]) => list.map(({ line: _line, ...i }) => i);
  return r.ok ? { ...r, warnings: noLines(r.warnings) } : { ok: false, issues: noLines(r.issues) };
}

/** Bytes as a request sends them: UTF-8 text (a BOM is kept for the reader to skip), or an issue naming where it is not. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; issues: Issue[] } {
  const d = decodeUtf8(bytes);
  return d.ok ? d : { ok: false, issues: [d.issue] };
}

/** JSON text nested deeper than a scenario or a plan can be: the issue, before anything parses it. */
export function jsonDepthIssue(text: string): Issue | undefined {
  const line = tooDeep(text, LIMITS.depth.value);
  return line === undefined ? undefined : { path: '', code: 'limit', line, message: `nested more than ${LIMITS.depth.value} levels deep (${LIMITS.depth.reason})` };
}
