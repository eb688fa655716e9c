// Spreadsheet problems are data, like scenario issues, but located the way a logistician finds
// them: the file, the row number the spreadsheet program shows (header is row 1) and the column.

export interface SheetIssue {
  /** the file name as given (items.csv); absent for problems of the base scenario or options */
  file?: string;
  /** the row as a spreadsheet program numbers it */
  row?: number;
  /** the column header as written in the sheet */
  column?: string;
  message: string;
}

/** `items.csv: row 7, column "Location": unknown site "nowhere"`; parts that are unknown are left out. */
export function formatSheetIssue(issue: SheetIssue, withFile = true): string {
  const where = [
    issue.row !== undefined ? `row ${issue.row}` : '',
    issue.column !== undefined ? `column ${JSON.stringify(issue.column)}` : '',
  ].filter(Boolean);
  const file = withFile && issue.file ? `${issue.file}: ` : '';
  return `${file}${where.length ? where.join(', ') + ': ' : ''}${issue.message}`;
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
        (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
        columnOrder(a.issue) - columnOrder(b.issue) ||
        a.n - b.n,
    )
    .map((x) => x.issue);
}
