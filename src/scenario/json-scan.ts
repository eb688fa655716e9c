// What JSON.parse does not tell: how deep the text nests (checked before parsing, so a
// 10,000-deep list never reaches a recursive reader), which keys an object repeats (JSON.parse
// keeps the last silently; YAML refuses them, and so do we), and on which line a value
// starts (for issues). Each is one pass over the text, linear in its length, with no stack.

/** The line where the text first nests deeper than `limit`, or undefined. Works on any text. */
export function tooDeep(text: string, limit: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return line;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}

export type JsonPath = (string | number)[];

export interface Duplicate {
  /** the repeated key's path */
  path: JsonPath;
  line: number;
  firstLine: number;
}

interface Frame {
  object: boolean;
  /** an object's keys so far, with their lines */
  keys?: Map<string, number>;
  /** the key or index of the value being read */
  at: string | number;
  expectKey: boolean;
  /** the wanted-path trie node of this container, when some wanted path runs through it */
  trie?: Trie;
}

/** Paths to locate, as a tree: child by key or index; `line` filled in when the value is met. */
export interface Trie {
  children: Map<string | number, Trie>;
  line?: number;
}

export function trieOf(paths: readonly JsonPath[]): Trie {
  const root: Trie = { children: new Map() };
  for (const p of paths) {
    let node = root;
    for (const seg of p) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = { children: new Map() }));
      node = next;
    }
  }
  return root;
}

/** The line of the value at path, or of its nearest located ancestor. */
export function lineIn(trie: Trie, path: JsonPath): number | undefined {
  let line = trie.line;
  let node: Trie | undefined = trie;
  for (const seg of path) {
    node = node.children.get(seg);
    if (!node) break;
    line = node.line ?? line;
  }
  return line;
}

/**
 * One pass over text that JSON.parse accepted: every repeated key (up to `maxDuplicates`),
 * and the lines of the values the trie asks for (filled into it).
 */
export function scanJson(text: string, opts: { trie?: Trie; maxDuplicates?: number } = {}): { duplicates: Duplicate[]; more: number } {
  const duplicates: Duplicate[] = [];
  let more = 0;
  const max = opts.maxDuplicates ?? Infinity;
  const stack: Frame[] = [];
  let line = 1;
  const path = () => stack.map((f) => f.at);
  /** A value starts here: locate it, and say which trie node a container opened here gets. */
  const valueStart = (): Trie | undefined => {
    if (stack.length === 0) {
      if (opts.trie) opts.trie.line = line;
      return opts.trie;
    }
    const node = stack[stack.length - 1].trie?.children.get(stack[stack.length - 1].at);
    if (node && node.line === undefined) node.line = line;
    return node;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 58 /* : */) continue;
    const top = stack[stack.length - 1];
    if (c === 34) {
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 92) {
          escaped = true;
          j++;
        } else if (d === 34) break;
      }
      if (top?.object && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        const first = top.keys!.get(key);
        if (first !== undefined) {
          if (duplicates.length < max) duplicates.push({ path: [...path().slice(0, -1), key], line, firstLine: first });
          else more++;
        } else top.keys!.set(key, line);
        top.at = key;
        top.expectKey = false;
      } else valueStart();
      i = j;
    } else if (c === 123 || c === 91) {
      const trie = valueStart();
      stack.push({ object: c === 123, keys: c === 123 ? new Map() : undefined, at: c === 123 ? '' : 0, expectKey: c === 123, trie });
    } else if (c === 125 || c === 93) stack.pop();
    else if (c === 44 /* , */) {
      if (top?.object) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    } else {
      // a number, true, false or null: locate it, then skip to its end
      valueStart();
      while (i + 1 < text.length && !' \t\r\n,]}'.includes(text[i + 1])) i++;
    }
  }
  return { duplicates, more };
}
