// Spreadsheets in (inventories, rosters) and registers, load plans, GeoJSON and calendars out.

export { importInventory, type ImportOptions, type ImportResult, type SheetSource } from './import.ts';
export { formatSheetIssue, type SheetIssue } from './issues.ts';
export { exportItems, exportItemsCsv, exportPlan, EXPORTS, CONTENT_TYPES, type ExportWhat, type Exported, type TableFormat } from './export.ts';
export { CANONICAL_ITEM_HEADERS } from './inventory.ts';
