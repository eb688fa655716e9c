// The safety tables as docs/spreadsheets.md shows them, written from the data itself so the
// documentation cannot drift from what the importer does (a test compares them).

import { MARKINGS } from './classification.ts';
import { DEMIL_CODES } from './demil.ts';
import { SUPPLY_CLASSES } from './fsc.ts';
import { COMPATIBILITY_GROUPS, HAZARD_CLASSES } from './hazard.ts';

const TRANSFER = { free: 'nothing in the code stops it', authority: 'only under a transfer authority (FMS, EDA, export licence): a warning when the sheet marks it transferable', never: 'never: an error when the sheet marks it transferable' } as const;
const FACT_WORDS: Record<string, string> = { classified: 'classified', ammunition: 'ammunition (lethal, dangerous)', lethal: 'lethal', comsec: 'COMSEC (planned as classified)', dangerous: 'dangerous' };

export function demilTable(): string {
  const rows = Object.values(DEMIL_CODES).map((d) => {
    const marks = d.marks.map((m) => (m.value ? FACT_WORDS[m.fact] : `not ${m.fact}`)).join(', ') || '—';
    return `| \`${d.code}\` | ${d.meaning} | ${TRANSFER[d.transfer]} | ${d.demil} | ${marks} |`;
  });
  return ['| code | meaning | transfer to the host | before it leaves DoD control | marks the line |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function hazardTable(): string {
  const rows = HAZARD_CLASSES.map((c) => `| \`${c.code}${c.code.startsWith('1.') ? 'X' : ''}\` | ${c.name} |`);
  return [
    '| class or division | name |',
    '| --- | --- |',
    ...rows,
    '',
    `X: the compatibility group, one of ${COMPATIBILITY_GROUPS.split('').join(', ')} (\`1.4S\`, \`1.1D\`). An explosive without its group, a class without its division (\`2\`, \`4\`) and a cell with a subsidiary hazard (\`3 (6.1)\`) are refused.`,
  ].join('\n');
}

export function markingTable(): string {
  const by = (m: string) => Object.entries(MARKINGS).filter(([, v]) => v === m).map(([k]) => `\`${k}\``).join(', ');
  return [
    '| marking | read as |',
    '| --- | --- |',
    `| ${by('classified')} | classified |`,
    `| ${by('cui')} | not classified; handed over only with release authority (a warning when marked transferable) |`,
    `| ${by('unclassified')} | not classified |`,
  ].join('\n');
}

export function supplyClassTable(): string {
  const rows = Object.entries(SUPPLY_CLASSES).map(([fsc, c]) => `| ${fsc} | ${c.title} | ${c.facts.map((f) => FACT_WORDS[f]).join(', ')} |`);
  return ['| FSC | class | read as |', '| --- | --- | --- |', ...rows].join('\n');
}
