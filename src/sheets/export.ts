// Spreadsheets and documents out: the inventory sheet for a scenario, and for a plan its
// registers (CSV or XLSX), printable load plans (HTML), GeoJSON for GIS and iCalendar.

import { DrawdownError } from '../model/errors.ts';
import type { Plan, Scenario } from '../model/index.ts';
import { dispositionsTable } from './dispositions.ts';
import { planGeoJson } from './geojson.ts';
import { handoversTable } from './handovers.ts';
import { sortiesIcs } from './ics.ts';
import { itemsTable } from './inventory.ts';
import { loadPlansHtml } from './loadplans.ts';
import { sortiesTable } from './sorties.ts';
import { tableToCsv, tableToXlsx, type Table } from './table.ts';
import { transfersTable } from './transfers.ts';

export const EXPORTS = ['dispositions', 'transfers', 'handovers', 'sorties', 'loadplans', 'geojson', 'ics'] as const;
export type ExportWhat = (typeof EXPORTS)[number];
export type TableFormat = 'csv' | 'xlsx';

export interface Exported {
  data: Buffer | string;
  contentType: string;
  /** without the dot */
  extension: string;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  geojson: 'application/geo+json',
  ics: 'text/calendar; charset=utf-8',
} as const;

/** The scenario's items as an XLSX workbook (sheet "Items", canonical headers) that importInventory reads back. */
export async function exportItems(scenario: Scenario): Promise<Buffer> {
  return tableToXlsx([itemsTable(scenario)]);
}

/** The items as CSV with the same canonical headers. */
export function exportItemsCsv(scenario: Scenario): string {
  return tableToCsv(itemsTable(scenario));
}

const TABLES: Partial<Record<ExportWhat, (s: Scenario, p: Plan) => Table>> = {
  dispositions: dispositionsTable,
  transfers: transfersTable,
  handovers: handoversTable,
  sorties: sortiesTable,
};

/**
 * One output of a plan. Registers (dispositions, transfers, handovers, sorties) are XLSX unless
 * format is csv; loadplans, geojson and ics have one format each and refuse another.
 * Throws DrawdownError('bad_input') when the plan names things its scenario lacks.
 */
export async function exportPlan(scenario: Scenario, plan: Plan, what: ExportWhat, format?: TableFormat): Promise<Exported> {
  const table = TABLES[what];
  if (table) {
    const t = table(scenario, plan);
    // Totals are for the paperwork: a CSV register is a plain table other tools read line by line.
    const { total: _total, ...lines } = t;
    return format === 'csv'
      ? { data: tableToCsv(lines), contentType: CONTENT_TYPES.csv, extension: 'csv' }
      : { data: await tableToXlsx([t]), contentType: CONTENT_TYPES.xlsx, extension: 'xlsx' };
  }
  if (format !== undefined) throw new DrawdownError('usage', `${what} has one format of its own; --format ${format} is for the registers (${Object.keys(TABLES).join(', ')})`);
  switch (what) {
    case 'loadplans':
      return { data: loadPlansHtml(scenario, plan), contentType: CONTENT_TYPES.html, extension: 'html' };
    case 'geojson':
      return { data: JSON.stringify(planGeoJson(scenario, plan), null, 2) + '\n', contentType: CONTENT_TYPES.geojson, extension: 'geojson' };
    case 'ics':
      return { data: sortiesIcs(scenario, plan), contentType: CONTENT_TYPES.ics, extension: 'ics' };
    default:
      throw new DrawdownError('usage', `unknown export "${String(what)}" (one of ${EXPORTS.join(', ')})`);
  }
}
