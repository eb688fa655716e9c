// Shared pieces of turning sheet rows into scenario lines: the cell of a field, site lookup,
// and the record of which row and column each scenario field came from (to map issues back).

import type { IssueCode, Site } from '../model/index.ts';
import { isBlank, text, type CellValue } from './cells.ts';
import type { Column, Columns } from './columns.ts';
import { sheetIssue, type SheetIssue } from './issues.ts';

export interface Origin {
  file: string;
  row: number;
  /** scenario field (unitWeightKg) to the sheet header it came from (Weight (lb)) */
  columns: Record<string, string>;
  /** scenario field to the cell as written, so messages quote the sheet (-4 lb), not the converted kg */
  cells: Record<string, CellValue>;
}

export interface Lines {
  lines: Record<string, unknown>[];
  origins: Origin[];
  issues: SheetIssue[];
  warnings: SheetIssue[];
}

export class RowReader<F extends string> {
  private readonly byField = new Map<F, Column<F>>();

  constructor(
    readonly file: string,
    readonly cols: Columns<F>,
  ) {
    for (const c of cols.columns) if (!this.byField.has(c.field)) this.byField.set(c.field, c);
  }

  /** The (first) column of a field. */
  column(field: F): Column<F> | undefined {
    return this.byField.get(field);
  }

  cell(cells: readonly CellValue[], field: F): CellValue | undefined {
    const c = this.column(field);
    return c ? (cells[c.index] ?? null) : undefined;
  }

  /** An issue at a row's cell of a field; with the row's cells, it carries the value as written. */
  issue(row: number, field: F, message: string, code: IssueCode = 'value', cells?: readonly CellValue[]): SheetIssue {
    const c = this.column(field);
    const value = c && cells ? text(cells[c.index] ?? null) : undefined;
    return sheetIssue({ file: this.file, row, ...(c ? { column: c.header } : {}) }, code, message, value !== undefined ? { value } : {});
  }

  /** A "no column for ..." issue for each required field the header lacks. */
  missing(required: { field: F; label: string; examples: string[] }[]): SheetIssue[] {
    return required
      .filter((r) => !this.column(r.field))
      .map((r) =>
        sheetIssue({ file: this.file, row: this.cols.headerRow }, 'required',
          `no column for ${r.label} (headers like ${r.examples.map((e) => `"${e}"`).join(', ')}, or map one in the mapping file)`),
      );
  }

  blank(cells: readonly CellValue[], field: F): boolean {
    const v = this.cell(cells, field);
    return v === undefined || isBlank(v);
  }
}

/** A site named by its id or its name, either case; the text as written when none matches (the loader reports it). */
export function resolveSite(value: string, sites: readonly Pick<Site, 'id' | 'name'>[]): string {
  const t = value.trim().toLowerCase();
  return (sites.find((s) => s.id.toLowerCase() === t) ?? sites.find((s) => s.name.trim().toLowerCase() === t))?.id ?? value.trim();
}

export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export { text };
