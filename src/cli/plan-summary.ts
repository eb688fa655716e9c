// The plan as a planner reads it in a minute: deadlines first, then sites, lift, what stays
// behind, sensitive cargo, and how close the plan is to the proven bounds.

import type { Plan, Scenario } from '../model/index.ts';
import { DAY_MS, fleetTails, isSensitive, toMs } from '../model/index.ts';
import { fleetUse } from '../app/index.ts';
import { hours, int, table, tonnes, usd, when } from './format.ts';

export function planSummary(scenario: Scenario, plan: Plan): string {
  const problems = (plan.problems ?? []).map((p) => p.message);
  const out: string[] = [];
  const verdict = plan.feasible ? 'FEASIBLE' : 'NOT FEASIBLE';
  out.push(`${plan.scenario}: plan ${verdict} — verifier found ${plan.violations.length} violation(s)`);
  out.push(`As of ${scenario.asOf}; closure ${when(plan.closure)}; seed ${plan.seed ?? 1}.`);
  out.push('');
  out.push('Deadlines');
  out.push(
    table(
      (plan.deadlines ?? []).map((d) => [
        `  ${d.kind === 'agreement' ? 'agreement' : 'handover'}`,
        d.subject,
        d.deadline,
        `last departure ${when(d.closure)}`,
        d.slackDays === null ? 'nothing to move' : d.met ? `${d.slackDays.toFixed(1)} days to spare` : `MISSED by ${(-d.slackDays).toFixed(1)} days`,
      ]),
    ),
  );
  out.push('');
  out.push('Sites');
  const people = new Map<string, number>();
  for (const p of scenario.personnel) people.set(p.site, (people.get(p.site) ?? 0) + p.count);
  const sortiesFrom = new Map<string, number>();
  for (const s of plan.sorties) sortiesFrom.set(s.from, (sortiesFrom.get(s.from) ?? 0) + 1);
  const moved = new Map<string, number>();
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  for (const d of plan.dispositions) {
    if (d.action !== 'retrograde') continue;
    const it = items.get(d.itemId);
    if (it) moved.set(it.site, (moved.get(it.site) ?? 0) + d.quantity * it.unitWeightKg);
  }
  const siteRows = plan.siteClosures.map((c) => {
    const site = scenario.sites.find((s) => s.id === c.site)!;
    return [`  ${site.id}`, `${site.name} (${site.country})`, `${int(people.get(site.id) ?? 0)} people`, tonnes(moved.get(site.id) ?? 0), `${int(sortiesFrom.get(site.id) ?? 0)} sorties`, `last out ${when(c.lastDeparture)}`];
  });
  for (const hub of scenario.sites.filter((s) => s.role === 'hub' && sortiesFrom.has(s.id))) {
    siteRows.push([`  ${hub.id}`, `${hub.name} (${hub.country}, hub)`, '', '', `${int(sortiesFrom.get(hub.id) ?? 0)} sorties`, '']);
  }
  out.push(table(siteRows, ['l', 'l', 'r', 'r', 'r', 'l']));
  out.push('');
  out.push('Lift');
  const use = fleetUse(scenario, plan.sorties);
  out.push(
    table(
      [
        ...use.map((u) => [`  ${u.type}`, `${u.tails} tails`, `${int(u.sorties)} sorties`, hours(u.flyingHours), `(${hours(u.positioningHours)} positioning)`, usd(u.costUsd)]),
        ['  total', '', `${int(plan.metrics.sorties)} sorties`, hours(plan.metrics.flyingHours), '', usd(plan.metrics.costUsd)],
      ],
      ['l', 'r', 'r', 'r', 'l', 'r'],
    ),
  );
  out.push(`  ${int(plan.metrics.palletsBuilt)} pallets built; ${int(plan.metrics.passengers ?? 0)} passenger seats used.`);
  out.push(...fleetSpread(scenario, plan));
  out.push('');
  out.push('Dispositions');
  const byAction = { retrograde: [0, 0, 0, 0], transfer: [0, 0, 0, 0], demilitarize: [0, 0, 0, 0] } as Record<string, number[]>;
  for (const d of plan.dispositions) {
    const it = items.get(d.itemId);
    if (!it || d.quantity === 0) continue;
    const row = byAction[d.action];
    row[0] += 1;
    row[1] += d.quantity;
    row[2] += d.quantity * it.unitWeightKg;
    row[3] += d.quantity * it.unitValueUsd;
  }
  out.push(
    table(
      Object.entries(byAction).map(([a, r]) => [`  ${a}`, `${int(r[0])} lines`, `${int(r[1])} units`, tonnes(r[2]), usd(r[3])]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
  );
  const infraValue = scenario.infrastructure.reduce((a, i) => a + i.valueUsd, 0);
  out.push(`  infrastructure handed over: ${scenario.infrastructure.length} works, ${usd(infraValue)}`);
  out.push('');
  out.push(sensitiveLine(scenario, plan));
  out.push('');
  out.push('Bounds (proven lower limits for any plan moving the same cargo and people)');
  const sb = plan.bounds.sorties;
  const sv = typeof sb.value === 'number' ? sb.value : 0;
  const gap = sv > 0 ? ((plan.metrics.sorties / sv - 1) * 100).toFixed(1) : '—';
  out.push(`  sorties  >= ${sb.value}  (plan ${plan.metrics.sorties}, ${gap}% above): ${sb.basis}`);
  const cb = plan.bounds.closure;
  const asOf = toMs(scenario.asOf);
  const days = (iso: string | null) => (iso ? ((toMs(iso) - asOf) / DAY_MS).toFixed(1) : '—');
  out.push(`  closure  >= ${when(cb.value as string | null)} (day ${days(cb.value as string | null)}; plan day ${days(plan.closure)}): ${cb.basis}`);
  if (plan.violations.length) {
    out.push('');
    out.push(`Violations (${plan.violations.length})`);
    for (const v of plan.violations.slice(0, 20)) out.push(`  [${v.rule}] ${v.message}`);
    if (plan.violations.length > 20) out.push(`  … and ${plan.violations.length - 20} more (see --json)`);
  }
  if (problems.length) {
    out.push('');
    out.push('Problems');
    for (const p of problems) out.push(`  ${p}`);
  }
  if (plan.whatIfs?.length) {
    out.push('');
    out.push('What if (each planned and verified)');
    for (const w of plan.whatIfs) out.push(`  - ${w.summary}`);
  }
  if (plan.remedies?.length) {
    out.push('');
    out.push('What would fix it (each checked by planning again)');
    for (const r of plan.remedies) out.push(`  - ${r.summary}`);
  } else if (!plan.feasible) {
    out.push('');
    out.push('No remedy found by adding aircraft, moving deadlines or leaving eligible items.');
  }
  return out.join('\n');
}

/**
 * Per type: sorties per tail (most and fewest), then why a type or tail flies nothing or little,
 * from the plan's fleet.use notes, and how the departures spread over the minutes of the day.
 */
function fleetSpread(scenario: Scenario, plan: Plan): string[] {
  const out: string[] = ['', 'Fleet use (sorties per tail; why a type or tail flies little)'];
  const perTail = new Map<string, number>();
  for (const s of plan.sorties) perTail.set(s.tail, (perTail.get(s.tail) ?? 0) + 1);
  const types = [...new Set(fleetTails(scenario).map((t) => t.line.type))];
  const rows = types.map((type) => {
    const tails = fleetTails(scenario).filter((t) => t.line.type === type).map((t) => ({ id: t.id, n: perTail.get(t.id) ?? 0 }));
    const most = Math.max(...tails.map((t) => t.n));
    const fewest = Math.min(...tails.map((t) => t.n));
    const who = (n: number) => tails.filter((t) => t.n === n).map((t) => t.id.slice(type.length)).join(' ');
    return [`  ${type}`, `${tails.filter((t) => t.n > 0).length} of ${tails.length} tails flew`, `most ${most} (${who(most)})`, `fewest ${fewest} (${who(fewest)})`];
  });
  out.push(table(rows, ['l', 'r', 'l', 'l']));
  for (const n of plan.notes ?? []) if (n.kind === 'fleet.use' && n.cause !== 'spread') out.push(`  ${n.message}`);
  if (plan.sorties.length > 1) {
    const minutes = new Map<string, number>();
    for (const s of plan.sorties) minutes.set(s.departs.slice(11, 16), (minutes.get(s.departs.slice(11, 16)) ?? 0) + 1);
    const [top, count] = [...minutes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    out.push(`  Departures at ${minutes.size} different minutes of the day; the most at one, ${top}Z, is ${count} of ${plan.sorties.length}.`);
  }
  return out;
}

function sensitiveLine(scenario: Scenario, plan: Plan): string {
  const sensitive = new Set(scenario.items.filter(isSensitive).map((i) => i.id));
  const units = scenario.items.filter(isSensitive).reduce((a, i) => a + i.quantity, 0);
  const palletIds = new Set(plan.pallets.filter((p) => p.placements.some((u) => sensitive.has(u.itemId))).map((p) => p.id));
  let last: string | null = null;
  let lastPeople: string | null = null;
  for (const s of plan.sorties) {
    if (s.loads.some((l) => palletIds.has(l.ref) || sensitive.has(l.ref)) && (!last || s.departs > last)) last = s.departs;
    if (s.passengers > 0 && (!lastPeople || s.departs > lastPeople)) lastPeople = s.departs;
  }
  const left = plan.dispositions.filter((d) => sensitive.has(d.itemId) && d.action !== 'retrograde').reduce((a, d) => a + d.quantity, 0);
  return `Sensitive cargo: ${int(units)} units (${int(palletIds.size)} pallets), last out ${when(last)}; last people out ${when(lastPeople)}` +
    (left ? `; ${int(left)} units destroyed in place under control.` : '; none left behind.');
}
