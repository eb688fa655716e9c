// `npm run bench`: runs the selected sections, prints a table per section with its targets and
// PASS/MISS marks, and writes everything to bench/results/latest.json. Benchmarks report; they
// never fail the build, and they are not part of `npm test`.
// Usage: npm run bench -- [--only bpp,br,scale] [--sizes 1k,10k,100k,1m] [--quick] [--br-problems N] [--br-classes BR1,BR15]

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from './args.ts';
import { bppTable, runBpp } from './bpp1d.ts';
import { brTable, runBr } from './br.ts';
import { REPO_ROOT } from './paths.ts';
import { runScale, scaleTable } from './scale.ts';

const args = parseArgs(process.argv.slice(2));
const log = (s: string) => process.stderr.write(`${s}\n`);
const results: Record<string, unknown> = {
  // when, where and how: the figures depend on the machine and its load
  startedAt: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  args,
};
const printed: string[] = [];
const section = (title: string, body: string) => {
  const text = `\n== ${title} ==\n${body}\n`;
  printed.push(text);
  process.stdout.write(text);
};

if (args.sections.includes('bpp')) {
  const t0 = performance.now();
  const r = runBpp(args.quick, log);
  results.bpp = { ...r, wallMs: performance.now() - t0 };
  section(`bpp1d: bin packing through packPallets (${args.quick ? 'quick: every 8th instance' : 'all instances'}); baseline FF = first fit in input order`, bppTable(r));
}

if (args.sections.includes('br')) {
  const perClass = args.brProblems ?? (args.quick ? 5 : 100);
  const t0 = performance.now();
  const r = runBr(perClass, log, args.brClasses ? { classes: args.brClasses } : {});
  results.br = { ...r, wallMs: performance.now() - t0 };
  section(
    `br: container loading BR1-BR7 and BR11-BR15, packer (packContainerAt) and plan path (scenario -> packPallets), first ${perClass} problems per class`,
    brTable(r),
  );
}

if (args.sections.includes('scale')) {
  const sizes = args.sizes ?? (args.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000]);
  const t0 = performance.now();
  const r = await runScale(sizes, args.quick, log);
  results.scale = { ...r, wallMs: performance.now() - t0 };
  section(`scale: generated scenarios (seed 1) and Niger 2024, one child process each${args.quick ? ' (quick: no 1M units)' : ''}`, scaleTable(r));
}

results.finishedAt = new Date().toISOString();
results.tables = printed.join('');
const out = resolve(REPO_ROOT, args.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
log(`results written to ${out}`);
