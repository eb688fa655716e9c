// The segregation rule on pallets (docs/rules.md, pallet.segregation): a site's cargo split into
// groups whose units may share a pallet, each group packed on its own (the simplest way that is
// right by construction). Units of one hazard (the same labels) always stay in one group, so a
// class is never spread over more partly filled pallets than it must be; groups are few because
// hazards that may mix share one (greedy colouring of the labels that must be kept apart,
// biggest first).

import type { Item, SegregationEntry } from '../../model/index.ts';
import { hazardsConflict, itemHazards } from '../../model/index.ts';

/**
 * The group of each entry, per site: 0 for cargo without hazards and for the first (biggest)
 * hazard and those that may mix with it, then 1, 2... Entries of different sites may share a
 * number; groups are only ever compared within a site.
 */
export function segregationGroups(entries: readonly { item: Item; count: number }[], table: readonly SegregationEntry[]): Map<Item, number> {
  const out = new Map<Item, number>();
  const bySite = new Map<string, { key: string; labels: string[]; volume: number; items: Item[] }[]>();
  for (const e of entries) {
    const labels = [...itemHazards(e.item)].sort();
    if (labels.length === 0) {
      out.set(e.item, 0);
      continue;
    }
    const key = labels.join('+');
    let nodes = bySite.get(e.item.site);
    if (!nodes) bySite.set(e.item.site, (nodes = []));
    let node = nodes.find((n) => n.key === key);
    if (!node) nodes.push((node = { key, labels, volume: 0, items: [] }));
    node.volume += e.count * e.item.lengthM * e.item.widthM * e.item.heightM;
    node.items.push(e.item);
  }
  for (const nodes of bySite.values()) {
    nodes.sort((a, b) => b.volume - a.volume || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const groups: string[][][] = [];
    for (const n of nodes) {
      let g = groups.findIndex((members) => members.every((labels) => !hazardsConflict(labels, n.labels, table)));
      if (g < 0) g = groups.push([]) - 1;
      groups[g].push(n.labels);
      for (const item of n.items) out.set(item, g);
    }
  }
  return out;
}
