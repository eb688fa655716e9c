import { loadScenarioFile, formatIssue } from './src/scenario/load.ts';
const r = loadScenarioFile(process.argv[2]);
if (r.ok) { console.log(JSON.stringify(r.scenario, null, 1)); r.warnings.forEach(w => console.log('W', formatIssue(w, 'f'))); }
else r.issues.forEach(i => console.log(formatIssue(i, 'f')));
