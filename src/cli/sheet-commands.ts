// `drawdown import` and `drawdown export`: argv in, one app call, files and text out.

import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { checkExportRequest, DrawdownError, EXIT, exportDocument, importSheets, readPlanText, readScenarioFile } from '../app/index.ts';
import type { Plan } from '../model/index.ts';
import { args, str } from './args.ts';
import { helpText } from './help.ts';
import { printIssues, printWarnings, type Out } from './io.ts';

export async function importCommand(rest: string[], io: Out): Promise<number> {
  const { values } = args(
    'import', rest,
    {
      items: { type: 'string' }, personnel: { type: 'string' }, base: { type: 'string' }, mapping: { type: 'string' },
      output: { type: 'string', short: 'o' }, json: { type: 'boolean' },
    },
    0,
  );
  if (values.help) return io.out(helpText('import')), EXIT.ok;
  const items = str(values.items);
  if (items === undefined) throw new DrawdownError('usage', 'import needs --items FILE (try drawdown import --help)');
  const personnel = str(values.personnel);
  const base = str(values.base);
  const mapping = str(values.mapping);
  const output = str(values.output);
  const r = await importSheets({
    items: { path: items },
    ...(personnel ? { personnel: { path: personnel } } : {}),
    ...(base !== undefined ? { base: { path: base } } : {}),
    ...(mapping !== undefined ? { mapping: { path: mapping } } : {}),
  });
  if (!r.ok) {
    const n = r.issues.length;
    printIssues(io, r.issues, { json: Boolean(values.json), heading: `${n} problem${n === 1 ? '' : 's'}; nothing written:` });
    return EXIT.badInput;
  }
  printWarnings(io, r.warnings);
  const asJson = output !== undefined && extname(output).toLowerCase() === '.json';
  const text = asJson ? JSON.stringify(r.scenarioFile, null, 2) + '\n' : r.yaml;
  if (output === undefined) {
    io.out(text.replace(/\n$/, ''));
    return EXIT.ok;
  }
  writeFileSync(output, text);
  const sensitive = r.scenario.items.filter((i) => i.sensitive.length > 0).length;
  io.out(`wrote ${output}: ${r.scenario.items.length} item lines (${sensitive} sensitive, never handed over), ${r.scenario.personnel.length} personnel lines`);
  return EXIT.ok;
}

export async function exportCommand(rest: string[], io: Out): Promise<number> {
  const { values, positionals } = args(
    'export', rest, { what: { type: 'string' }, format: { type: 'string' }, output: { type: 'string', short: 'o' } }, [1, 2],
  );
  if (values.help) return io.out(helpText('export')), EXIT.ok;
  const what = str(values.what);
  if (what === undefined) throw new DrawdownError('usage', 'export needs --what (try drawdown export --help)');
  const request = { what, ...(str(values.format) !== undefined ? { format: str(values.format) } : {}) };
  const bad = checkExportRequest(request, { allowItems: true });
  if (bad.length) throw new DrawdownError('usage', `--${bad[0].message}`);
  const s = readScenarioFile(positionals[0]);
  if (!s.ok) return printIssues(io, s.issues, { file: s.file }), EXIT.badInput;
  let plan: Plan | undefined;
  if (what !== 'items') {
    const planFile = positionals[1];
    if (planFile === undefined) throw new DrawdownError('usage', 'give the PLAN file (drawdown plan SCENARIO --json -o PLAN.json)');
    let text: string;
    try {
      text = readFileSync(planFile, 'utf8');
    } catch (e) {
      throw new DrawdownError('unreadable', `plan ${planFile}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const p = readPlanText(text);
    if (!p.ok) return printIssues(io, p.issues.map((i) => ({ ...i, file: planFile })), { file: planFile }), EXIT.badInput;
    plan = p.plan;
  }
  const out = await exportDocument(s.scenario, plan, request);
  const output = str(values.output);
  if (output === undefined) {
    if (typeof out.data !== 'string') throw new DrawdownError('usage', `${out.extension} is binary: give -o FILE.${out.extension}`);
    io.out(out.data.replace(/\n$/, ''));
    return EXIT.ok;
  }
  writeFileSync(output, out.data);
  const size = typeof out.data === 'string' ? Buffer.byteLength(out.data) : out.data.length;
  io.out(`wrote ${output} (${size} bytes)`);
  return EXIT.ok;
}
