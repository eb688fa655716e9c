import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TypePool, type BoxType } from './pool.ts';
import { rng as generator } from '../../generate/random.ts';

test('the pool minimums follow the types with units left as units are taken', () => {
  const rng = generator(7).next;
  const types: BoxType[] = Array.from({ length: 30 }, () => {
    const d = [0.2 + rng(), 0.2 + rng(), 0.2 + rng()] as const;
    return { orients: [d, [d[1], d[0], d[2]] as const], kg: 1 + 100 * rng(), volume: d[0] * d[1] * d[2] };
  });
  const pool = new TypePool(
    types,
    types.map(() => 1 + Math.floor(rng() * 5)),
  );
  while (pool.totalLeft > 0) {
    const live = types.map((_, t) => t).filter((t) => pool.left[t] > 0);
    const want = [
      ...[0, 1, 2].map((a) => Math.min(...live.flatMap((t) => types[t].orients.map((o) => o[a])))),
      Math.min(...live.map((t) => types[t].kg)),
      Math.min(...live.map((t) => types[t].volume)),
    ];
    assert.deepEqual(pool.minimums(), want);
    const t = live[Math.floor(rng() * live.length)];
    pool.take(t, 1 + Math.floor(rng() * pool.left[t]));
  }
  assert.deepEqual(pool.minimums(), [Infinity, Infinity, Infinity, Infinity, Infinity]);
});
