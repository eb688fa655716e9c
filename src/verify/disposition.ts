// disposition.permission: only what the scenario allows may be given to the host nation or
// destroyed in place. Sensitive items are never given away, whatever hostTransfer says.

import type { Violation } from '../model/index.ts';
import { isSensitive } from '../model/index.ts';
import type { VerifyContext } from './context.ts';
import { list } from './context.ts';
import type { Figures } from './format.ts';
import { figures, quote, violation } from './format.ts';

export function checkDisposition(ctx: VerifyContext): Violation[] {
  const out: Violation[] = [];
  const bad = (message: string, refs: string[], measured?: Figures) => out.push(violation('disposition.permission', message, refs, measured));
  for (const d of list(ctx.plan.dispositions)) {
    const item = d && ctx.items.get(d.itemId);
    if (!item) continue;
    const units = d.quantity === 1 ? '1 unit is' : `${d.quantity} units are`;
    // Units given away or destroyed that may not be: none are allowed.
    const given = figures(d.quantity, 0, 'units');
    if (d.action === 'transfer') {
      if (isSensitive(item)) {
        bad(`item ${item.id} is sensitive (${item.sensitive.join(', ')}) yet ${units} given to the host nation`, [item.id], given);
      } else if (!item.hostTransfer) {
        bad(`item ${item.id} may not be transferred (hostTransfer is false) yet ${units} given to the host nation`, [item.id], given);
      }
    } else if (d.action === 'demilitarize') {
      if (!item.demilInPlace) bad(`item ${item.id} may not be destroyed in place (demilInPlace is false) yet ${units} demilitarised`, [item.id], given);
    } else if (d.action !== 'retrograde') {
      bad(`item ${item.id}: unknown action ${quote(d.action)} (retrograde, transfer or demilitarize)`, [item.id]);
    }
  }
  return out;
}
