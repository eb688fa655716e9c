// Scenario loading: parse, check, normalise; plus the JSON Schema and a summary for `check`.

export { parseScenario, loadScenarioFile, type ScenarioResult, type ParseOptions } from './load.ts';
export { formatIssue, type ScenarioIssue } from './issues.ts';
export { decodeUtf8, type Decoded } from './text.ts';
export { tooDeep } from './json-scan.ts';
export { LIMITS, RANGES, figure, type Limit, type Range } from './limits.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { summarizeScenario, type ScenarioSummary, type SiteSummary, type FleetSummary, type LoadFigures } from './summary.ts';
export { ScenarioFileSchema, type ScenarioFile, type ScenarioFileInput, POLICY_DEFAULTS } from './schema.ts';
