// Input problems are data (design.md, the first error channel): one shape for every reader of
// input — scenario files, plans, spreadsheets, mapping files, actuals and HTTP request bodies —
// so the CLI, the API and the page list, sort and show them the same way.

export type IssueCode =
  /** the text is not YAML, JSON, CSV or XLSX at all */
  | 'syntax'
  /** a field or cell that must be given is missing or empty */
  | 'required'
  /** a value of the wrong kind: text where a number belongs, a list where an object belongs */
  | 'type'
  /** a number outside its range: negative, zero, too large for the planner */
  | 'range'
  /** not one of the allowed values, or not in the expected form (dates, codes, patterns) */
  | 'value'
  /** a field, column or key nobody reads */
  | 'unknown_field'
  /** a name that refers to nothing: a site, an aircraft type, a pallet type, an item */
  | 'unknown_ref'
  /** an id given twice */
  | 'duplicate'
  /** two fields or columns that contradict each other */
  | 'conflict'
  /** the file cannot be read: missing, not UTF-8, locked */
  | 'unreadable'
  /** a size, count or depth limit that keeps the planner and the server responsive */
  | 'limit'
  /** a file of another kind than the command expects (a spreadsheet given as a scenario) */
  | 'wrong_file'
  /** a request or option that does not make sense as given */
  | 'usage';

export interface Issue {
  /** where in the document: `items[12].unitWeightKg`; a spreadsheet column header; '' for the whole file */
  path: string;
  code: IssueCode;
  /** what is wrong, in a planner's words; names the offending value */
  message: string;
  /** the offending value as it was written, when there is one */
  value?: unknown;
  /** 1-based source line (YAML/JSON), or the row number a spreadsheet program shows */
  line?: number;
  /** a way out: `did you mean "niamey"?`, `use drawdown import` */
  hint?: string;
  /** the file the issue is in, when more than one file is read at once */
  file?: string;
  /** the spreadsheet column header as written, for issues located by row and column */
  column?: string;
}

/** Issues as a reader meets them: whole-file first, then by file, line, then as found. */
export function sortByPlace(issues: readonly Issue[]): Issue[] {
  const files: (string | undefined)[] = [];
  for (const i of issues) if (!files.includes(i.file)) files.push(i.file);
  return issues
    .map((issue, n) => ({ issue, n }))
    .sort((a, b) => files.indexOf(a.issue.file) - files.indexOf(b.issue.file) || (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.n - b.n)
    .map((x) => x.issue);
}

/**
 * One line a terminal prints: `file:line: path: message (hint)`. Spreadsheet issues read
 * `file: row 7, column "Location": message`, the way a clerk finds the cell.
 */
export function formatIssue(issue: Issue, file = issue.file): string {
  const hint = issue.hint ? ` (${issue.hint})` : '';
  if (issue.column !== undefined || (issue.line !== undefined && issue.path === '' && isSheet(file))) {
    const where = [issue.line !== undefined ? `row ${issue.line}` : '', issue.column !== undefined ? `column ${JSON.stringify(issue.column)}` : '']
      .filter(Boolean)
      .join(', ');
    return `${file ? `${file}: ` : ''}${where ? `${where}: ` : ''}${issue.message}${hint}`;
  }
  const prefix = file ? (issue.line !== undefined ? `${file}:${issue.line}: ` : `${file}: `) : '';
  return `${prefix}${issue.path ? `${issue.path}: ` : ''}${issue.message}${hint}`;
}

function isSheet(file: string | undefined): boolean {
  return file !== undefined && /\.(csv|tsv|xlsx|xlsm|xls)$/i.test(file);
}

/** `did you mean "niamey"?` when exactly one known name is close to the one given. */
export function didYouMean(given: string, known: Iterable<string>): string | undefined {
  const g = given.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  let ties = 0;
  for (const k of known) {
    if (k === given) return undefined;
    const d = editDistance(g, k.toLowerCase());
    if (d < bestD) [best, bestD, ties] = [k, d, 1];
    else if (d === bestD && k !== best) ties++;
  }
  // Allow one edit in short names, two in longer ones: "niamy" -> "niamey", not "ab" -> "xy".
  const allowed = given.length <= 4 ? 1 : 2;
  return best !== undefined && bestD <= allowed && ties === 1 ? `did you mean "${best}"?` : undefined;
}

/** Edit distance with a swap of two neighbouring letters counting as one edit ("plna" -> "plan"). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
    }
    [prev2, prev] = [prev, cur];
  }
  return prev[b.length];
}
