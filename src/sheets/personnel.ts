// Personnel rows (site, count, role, unit) to scenario personnel lines.

import type { Site } from '../model/index.ts';
import { isBlank, readNumber, readRole, text, type CellValue } from './cells.ts';
import type { Columns } from './columns.ts';
import type { PersonnelField } from './headers.ts';
import { RowReader, resolveSite, type Lines, type Origin } from './rows.ts';
import { checkTotals, type LineFigures } from './totals.ts';

export function readPersonnel(file: string, cols: Columns<PersonnelField>, sites: readonly Site[]): Lines {
  const r = new RowReader(file, cols);
  const issues = r.missing([
    { field: 'site', label: 'the location', examples: ['Location', 'Site'] },
    { field: 'count', label: 'the count', examples: ['Count', 'PAX', 'Strength'] },
    { field: 'role', label: 'the role', examples: ['Role'] },
  ]);
  if (issues.length > 0) return { lines: [], origins: [], issues, warnings: [] };
  const lines: Record<string, unknown>[] = [];
  const origins: Origin[] = [];
  const figures: LineFigures[] = [];
  for (const { row, cells } of cols.rows) {
    const line: Record<string, unknown> = {};
    const columns: Record<string, string> = {};
    const written: Record<string, CellValue> = {};
    for (const c of cols.columns) if (c.field !== 'ignore') (columns[c.field] = c.header), (written[c.field] = cells[c.index] ?? null);
    const site = r.cell(cells, 'site') ?? null;
    if (isBlank(site)) issues.push(r.issue(row, 'site', 'must not be blank'));
    else line.site = resolveSite(text(site), sites);
    const count = r.cell(cells, 'count') ?? null;
    const n = readNumber(count);
    if (isBlank(count)) issues.push(r.issue(row, 'count', 'must not be blank'));
    else if (!n.ok) issues.push(r.issue(row, 'count', n.message));
    else line.count = n.value;
    const role = readRole(r.cell(cells, 'role') ?? null);
    if (!role.ok) issues.push(r.issue(row, 'role', role.message));
    else line.role = role.value;
    const unit = text(r.cell(cells, 'unit') ?? null);
    if (unit) line.unit = unit;
    lines.push(line);
    origins.push({ file, row, columns, cells: written });
    if (typeof line.count === 'number') figures.push({ row, quantity: line.count, values: {} });
  }
  // A "Total" row of a roster is left out, and its head count checked like an inventory's.
  const c = r.column('count')!;
  const warnings = issues.length > 0 ? [] : checkTotals(file, cols.totals, figures, [{ field: 'quantity', index: c.index, header: c.header, perUnit: false, what: 'count' }]);
  return { lines, origins, issues, warnings };
}
