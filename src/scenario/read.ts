// Scenario text to a plain value, with the problems found on the way as issues: syntax,
// repeated keys (YAML and JSON alike), and the size limits that keep reading linear (nesting
// depth, YAML aliases). Lines are looked up afterwards, only for the issues that are listed.

import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { figure, LIMITS } from './limits.ts';
import { lineIn, scanJson, tooDeep, trieOf, type JsonPath } from './json-scan.ts';
import type { RawIssue } from './issues.ts';

export interface Source {
  /** the value read; undefined when the text did not parse */
  value: unknown;
  /** problems that stop reading (syntax, limits) or that the value hides (a repeated key) */
  issues: RawIssue[];
  /** whether `issues` hold a syntax or limit problem, so the value is not worth checking */
  unreadable: boolean;
  /** a function from paths to their source lines; call once with every path needed */
  locate: (paths: readonly JsonPath[]) => (path: JsonPath) => number | undefined;
}

/** JSON syntax errors in texts above this many characters get a line only when JSON.parse gives a position. */
const YAML_LOCATE_MAX = 1024 * 1024;

const duplicateIssue = (path: JsonPath, line: number, firstLine: number): RawIssue => ({
  path,
  code: 'duplicate',
  message: `key "${String(path[path.length - 1])}" is given twice (first on line ${firstLine}); only one value can count`,
  line,
});

export function readJson(text: string): Source {
  const deep = tooDeep(text, LIMITS.depth.value);
  if (deep !== undefined) return unreadable([depthIssue(deep)]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = `JSON syntax: ${(e as Error).message}`;
    const at = /position (\d+)/.exec(message);
    let line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    // JSON is YAML: the YAML parser finds the line V8's message does not name, on small texts
    if (line === undefined && text.length <= YAML_LOCATE_MAX) line = readYaml(text).issues.find((i) => i.line !== undefined)?.line;
    return unreadable([{ path: [], code: 'syntax', message, ...(line !== undefined ? { line } : {}) }]);
  }
  const max = LIMITS.issues.value;
  const { duplicates, more } = scanJson(text, { maxDuplicates: max });
  const issues = duplicates.map((d) => duplicateIssue(d.path, d.line, d.firstLine));
  if (more > 0) issues.push(moreDuplicates(more));
  return {
    value,
    issues,
    unreadable: false,
    locate(paths) {
      const trie = trieOf(paths);
      scanJson(text, { trie, maxDuplicates: 0 });
      return (path) => lineIn(trie, path);
    },
  };
}

export function readYaml(text: string): Source {
  const lines = new LineCounter();
  // uniqueKeys off: the library's own check compares every key with every other (40,000 keys
  // took 22 s); walk() below finds repeated keys with one set per mapping instead.
  // logLevel error: a warning (a collection used as a key) is for the issues, not the process's stderr
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: false, logLevel: 'error' });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  if (doc.errors.length > 0) {
    // the parser's recursion gives up around a thousand levels: say it is the nesting, once
    const deep = doc.errors.find((e) => /call stack/i.test(e.message));
    if (deep) return unreadable([depthIssue(deep.linePos?.[0].line ?? 1)]);
    return unreadable(doc.errors.map((e) => {
      const line = e.linePos?.[0].line;
      return { path: [], code: 'syntax', message: `YAML syntax: ${e.message.split('\n')[0].replace(/:$/, '')}`, ...(line !== undefined ? { line } : {}) };
    }));
  }
  const found = walk(doc, lineAt);
  if (found.limit) return unreadable([found.limit]);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.aliases.value });
  } catch (e) {
    // the library's guard against aliases that expand to more than maxAliasCount nodes
    if (/alias/i.test((e as Error).message)) return unreadable([aliasIssue(`they expand to more than ${figure(LIMITS.aliases.value)} copies`)]);
    return unreadable([{ path: [], code: 'syntax', message: `YAML: ${(e as Error).message.split('\n')[0]}` }]);
  }
  return {
    value,
    issues: found.duplicates,
    unreadable: false,
    locate: () => (path) => yamlLine(doc, lineAt, path),
  };
}

function unreadable(issues: RawIssue[]): Source {
  return { value: undefined, issues, unreadable: true, locate: () => () => undefined };
}

function depthIssue(line: number): RawIssue {
  return {
    path: [],
    code: 'limit',
    message: `nested more than ${LIMITS.depth.value} levels deep (${LIMITS.depth.reason})`,
    line,
  };
}

function aliasIssue(what: string): RawIssue {
  return { path: [], code: 'limit', message: `too many YAML aliases: ${what} (${LIMITS.aliases.reason}); write the values out` };
}

function moreDuplicates(n: number): RawIssue {
  return { path: [], code: 'limit', message: `${figure(n)} more repeated keys not listed` };
}

/**
 * Every mapping's repeated keys, the nesting depth and the number of aliases, in one walk of
 * the parsed document. Iterative (an explicit stack), so depth alone cannot overflow it.
 */
function walk(doc: Document.Parsed, lineAt: (offset: number) => number): { duplicates: RawIssue[]; limit?: RawIssue } {
  const duplicates: RawIssue[] = [];
  let aliases = 0;
  let more = 0;
  const stack: { node: unknown; path: JsonPath }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (path.length > LIMITS.depth.value) return { duplicates, limit: depthIssue(lineOfNode(node, lineAt) ?? 1) };
    if (isAlias(node)) {
      if (++aliases > LIMITS.aliases.value) {
        const line = lineOfNode(node, lineAt);
        return { duplicates, limit: { ...aliasIssue(`more than ${figure(LIMITS.aliases.value)}`), ...(line !== undefined ? { line } : {}) } };
      }
    } else if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = keyText(pair.key);
        const line = lineOfNode(pair.key, lineAt) ?? 0;
        const first = seen.get(key);
        if (first !== undefined) {
          if (duplicates.length < LIMITS.issues.value) duplicates.push(duplicateIssue([...path, key], line, first));
          else more++;
        } else seen.set(key, line);
        stack.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  if (more > 0) duplicates.push(moreDuplicates(more));
  return { duplicates };
}

/** A mapping key as toJS makes it a property name. */
function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return '';
  return String((key as Node).toJSON?.() ?? key);
}

function lineOfNode(node: unknown, lineAt: (offset: number) => number): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? lineAt(range[0]) : undefined;
}

/** The 1-based line of the node at path, or of its nearest existing ancestor. */
function yamlLine(doc: Document.Parsed, lineAt: (offset: number) => number, path: JsonPath): number | undefined {
  // one step at a time, each a look-up in one mapping: a listed issue costs the width of its
  // mappings, not the size of the file
  let node: unknown = doc.contents;
  let line = lineOfNode(node, lineAt);
  for (const seg of path) {
    if (isMap(node)) node = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg))?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else break;
    if (node === undefined || node === null) break;
    line = lineOfNode(node, lineAt) ?? line;
  }
  return line;
}
