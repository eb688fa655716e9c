import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PER_ADDRESS, PER_NAME, Throttle, WINDOW_MS } from './throttle.ts';

test('ten failures on a name lock it for the rest of the window, whatever the address; success clears it', () => {
  let t = 0;
  const th = new Throttle(() => t);
  for (let i = 0; i < PER_NAME; i++) {
    assert.equal(th.retryAfter('Bob', `10.0.0.${i}`), 0);
    th.fail('bob', `10.0.0.${i}`);
    t += 1000;
  }
  assert.equal(th.retryAfter('BOB', '10.9.9.9'), WINDOW_MS / 1000 - PER_NAME, 'until the oldest failure is 15 minutes old');
  assert.equal(th.retryAfter('alice', '10.9.9.9'), 0, 'other names are not locked');
  t += WINDOW_MS;
  assert.equal(th.retryAfter('bob', '10.9.9.9'), 0);
  th.fail('bob', '10.0.0.1');
  th.succeed('bob');
  assert.equal(th.retryAfter('bob', '10.0.0.1'), 0);
});

test('thirty failures from one address lock that address for every name', () => {
  let t = 0;
  const th = new Throttle(() => t);
  for (let i = 0; i < PER_ADDRESS; i++) th.fail(`name${i}`, '10.6.6.6');
  assert.ok(th.retryAfter('fresh', '10.6.6.6') > 0);
  assert.equal(th.retryAfter('fresh', '10.7.7.7'), 0);
  t += WINDOW_MS + 1;
  assert.equal(th.retryAfter('fresh', '10.6.6.6'), 0);
});
