// The one door: every operation a user can ask for, offered alike to the CLI, the HTTP API and
// (through the API) the page. Adapters import this module and model types, nothing else.

export { DrawdownError, EXIT, exitCodeFor, type ErrorCode } from './errors.ts';
export { BUILTIN_SCENARIO, PACKAGE_ROOT } from './paths.ts';
export { VERSION } from './version.ts';
export {
  BUILTIN_SCENARIOS, decodeText, jsonDepthIssue, parseScenarioObject, parseScenarioText, readScenarioFile, scenarioPath,
  type ScenarioFormat, type ScenarioRead,
} from './scenario.ts';
export { DEFAULT_READER_LIMITS, isBusy, Reader, sharedReader, type Busy, type ReaderLimits, type VerifyRead } from './offthread.ts';
export { checkScenarioFile, summarize, type CheckResult, type ScenarioSummary, type SiteSummary, type FleetSummary, type LoadFigures } from './check.ts';
export { DEFAULT_SEED, planScenario, type PlanOptions, type PlanStage } from './plan.ts';
export { readPlanText, readPlanValue, verifyPlanAgainst, verifyPlanInput, type PlanRead, type VerifyResult } from './verify.ts';
export {
  checkExportRequest, CONTENT_TYPES, exportDocument, exportInventory, EXPORTS, importSheets, OWN_FORMAT, readMappingText, REGISTERS,
  type ExportRequest, type ExportWhat, type Exported, type ImportOutcome, type ImportRequest, type SheetSource, type TableFormat,
} from './sheets.ts';
export { planJsonSchema, scenarioJsonSchema } from './schemas.ts';
export { fleetUse, type TypeUse } from './summary.ts';
export { daysLate } from './deadlines.ts';
export {
  DEFAULT_DB, DEFAULT_PLAN_LIMITS, Workspace, type CancelOutcome, type FieldChange, type Log, type PlanControl, type PlanLimits, type Planner,
  type PlanRecord, type PlanRequest, type PlanStatus, type Saved, type ScenarioListing, type ScenarioRef, type ScenarioVersion,
  type VersionConflict, type VersionStamp, type WorkspaceOptions,
} from './workspace.ts';
export * from './access/index.ts';
export { fieldChanges } from './changes.ts';
