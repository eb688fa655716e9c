// Spreadsheet problems in the one issue shape (src/model/issues.ts), located the way a
// logistician finds them: the file, the row number the spreadsheet program shows (header is
// row 1, carried as `line`) and the column header as written (`column`, also the `path`).

import type { Issue, IssueCode } from '../model/index.ts';
import { formatIssue } from '../model/index.ts';

export type SheetIssue = Issue;

export interface SheetPlace {
  file?: string;
  row?: number;
  column?: string;
}

/** An issue at a sheet place; `value` is the cell as the clerk wrote it, when there is one. */
export function sheetIssue(at: SheetPlace, code: IssueCode, message: string, extra: { value?: unknown; hint?: string } = {}): SheetIssue {
  const issue: SheetIssue = { path: at.column ?? '', code, message };
  if (at.file !== undefined) issue.file = at.file;
  if (at.row !== undefined) issue.line = at.row;
  if (at.column !== undefined) issue.column = at.column;
  if (extra.value !== undefined) issue.value = extra.value;
  if (extra.hint !== undefined) issue.hint = extra.hint;
  return issue;
}

/** `items.csv: row 7, column "Location": unknown site "nowhere"`; parts that are unknown are left out. */
export function formatSheetIssue(issue: SheetIssue, withFile = true): string {
  const where = [issue.line !== undefined ? `row ${issue.line}` : '', issue.column !== undefined ? `column ${JSON.stringify(issue.column)}` : '']
    .filter(Boolean)
    .join(', ');
  if (!where) return formatIssue({ ...issue, file: undefined }, withFile ? issue.file : undefined);
  const file = withFile && issue.file ? `${issue.file}: ` : '';
  return `${file}${where}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}

/** Whole-file problems first, then by file order of appearance, row and column order as given. */
export function sortSheetIssues(issues: SheetIssue[], columnOrder: (i: SheetIssue) => number = () => 0): SheetIssue[] {
  const files: string[] = [];
  for (const i of issues) if (i.file !== undefined && !files.includes(i.file)) files.push(i.file);
  const fileRank = (i: SheetIssue) => (i.file === undefined ? -1 : files.indexOf(i.file));
  return issues
    .map((issue, n) => ({ issue, n }))
    .sort(
      (a, b) =>
        fileRank(a.issue) - fileRank(b.issue) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        columnOrder(a.issue) - columnOrder(b.issue) ||
        a.n - b.n,
    )
    .map((x) => x.issue);
}
