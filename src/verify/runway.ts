// runway: both ends of a sortie take its aircraft type (a site without `accepts` takes all).

import type { Site, Violation } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { violation } from './format.ts';

export function checkRunways(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  for (const s of ctx.sorties) {
    const type = s.sortie.aircraft;
    for (const [end, site] of [['departure', s.from], ['arrival', s.to]] as [string, Site | undefined][]) {
      if (!site || !Array.isArray(site.accepts) || site.accepts.includes(type)) continue;
      out.push(violation('runway',
        `${s.label}: the runway at ${site.id} (${end}) does not take ${type}; it takes ${site.accepts.join(', ') || 'no type'}`,
        [s.sortie.id, site.id]));
    }
  }
  return out;
}
