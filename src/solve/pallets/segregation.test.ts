import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEGREGATION } from '../../catalog/index.ts';
import { hazardsConflict, itemHazards } from '../../model/index.ts';
import { packPallets } from './index.ts';
import { segregationGroups } from './segregation.ts';
import { allOf, checkPack, item, scenarioWith } from './testkit.ts';

const danger = (id: string, hazard: string, qty: number, more = {}) =>
  item(id, 'AGA', qty, 100, [0.6, 0.5, 0.5], { sensitive: ['dangerous'], hazard, ...more });

test('hazards that may mix share a group; those that must be kept apart do not; one hazard stays in one group', () => {
  const entries = [
    danger('mk82', '1.1D', 6), danger('fuel', '3', 10), danger('paint', '3', 3), danger('ammo', '1.4S', 20),
    danger('oxygen', '2.2', 4, { subsidiaryHazards: ['5.1'] }), danger('acid', '8', 2), danger('lithium', '9', 8),
    item('laptops', 'AGA', 10, 60, [0.7, 0.6, 0.6], { sensitive: ['classified'] }),
  ].map((it) => ({ item: it, count: it.quantity }));
  const g = segregationGroups(entries, SEGREGATION);
  const of = (id: string) => g.get(entries.find((e) => e.item.id === id)!.item)!;
  assert.equal(of('fuel'), of('paint'), 'class 3 together');
  assert.notEqual(of('mk82'), of('fuel'));
  assert.notEqual(of('mk82'), of('oxygen'));
  assert.notEqual(of('fuel'), of('oxygen'), 'the 5.1 subsidiary risk keeps oxygen from fuel');
  assert.equal(of('laptops'), 0, 'cargo without hazards in the first group');
  for (const a of entries)
    for (const b of entries)
      if (g.get(a.item) === g.get(b.item)) assert.ok(!hazardsConflict(itemHazards(a.item), itemHazards(b.item), SEGREGATION), `${a.item.id} with ${b.item.id}`);
  assert.ok(new Set(g.values()).size <= 3, 'few groups: explosives, fuel, oxygen with the rest');
});

test('the palletiser puts no two units that must be segregated on one pallet', () => {
  const s = scenarioWith([
    danger('mk82', '1.1D', 6), danger('fuel', '3', 10), danger('ammo', '1.4S', 20),
    danger('oxygen', '2.2', 4, { subsidiaryHazards: ['5.1'] }), danger('acid', '8', 2), danger('water-reactive', '4.3', 2),
  ]);
  s.segregation = [...SEGREGATION];
  const r = packPallets(s, allOf(s));
  assert.deepEqual(checkPack(s, allOf(s), r), []);
  const items = new Map(s.items.map((i) => [i.id, i]));
  for (const p of r.pallets) {
    const ids = [...new Set(p.placements.map((u) => u.itemId))];
    for (const a of ids) for (const b of ids) assert.ok(!hazardsConflict(itemHazards(items.get(a)!), itemHazards(items.get(b)!), SEGREGATION), `${p.id}: ${a} with ${b}`);
  }
  // without a table nothing is kept apart: the same cargo takes fewer pallets
  const together = packPallets({ ...s, segregation: undefined }, allOf(s));
  assert.ok(together.pallets.length < r.pallets.length);
});
