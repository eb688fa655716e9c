import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../store/index.ts';
import { Access, SESSION_IDLE_MS, SESSION_MAX_MS } from './access.ts';
import { Audit } from './audit.ts';
import { hashPassword, passwordProblems, SCRYPT, verifyPassword } from './passwords.ts';
import { SYSTEM, type Actor } from './roles.ts';

const ADMIN: Actor = { user: 'cli:root', role: 'admin', via: 'cli', from: 'local' };
const GOOD = 'correct horse battery staple';

function setup(options: { adminToken?: string } = {}) {
  let t = Date.parse('2024-06-01T08:00:00Z');
  const now = () => new Date(t);
  const store = openStore(':memory:');
  const audit = new Audit(store, now);
  const access = new Access(store, audit, { ...options, now });
  return { access, audit, store, advance: (ms: number) => void (t += ms) };
}

test('scrypt hashes carry their parameters, differ per salt, and check in constant time', async () => {
  const a = await hashPassword(GOOD);
  const b = await hashPassword(GOOD);
  assert.notEqual(a, b, 'a fresh salt each time');
  assert.match(a, new RegExp(`^scrypt\\$${SCRYPT.N}\\$8\\$1\\$[\\w-]{22}\\$[\\w-]{43}$`));
  assert.equal(await verifyPassword(GOOD, a), true);
  assert.equal(await verifyPassword('correct horse battery stapler', a), false);
  assert.equal(await verifyPassword(GOOD, 'bcrypt$whatever'), false);
  // runs of spaces count once and the Unicode form does not matter (ASVS 2.1.1, 2.1.4)
  assert.equal(await verifyPassword('correct  horse battery staple', a), true);
  const cafe = await hashPassword('café au lait sans sucre');
  assert.equal(await verifyPassword('cafe\u0301 au lait sans sucre', cafe), true);
});

test('the password policy: 12 to 128 characters, any Unicode, common ones and the user name refused', () => {
  assert.deepEqual(passwordProblems(GOOD, 'alice'), []);
  assert.deepEqual(passwordProblems('🔒🔒 горный орёл 🦅 над рекой', 'alice'), []);
  assert.match(passwordProblems('short one', 'alice')[0].message, /at least 12 characters, this one has 9/);
  assert.match(passwordProblems('x'.repeat(129), 'alice')[0].message, /at most 128/);
  assert.deepEqual(passwordProblems('y'.repeat(128).replace(/y/g, (_, i) => 'abcdefgh'[i % 8]), 'alice'), []);
  assert.match(passwordProblems('Password1234', 'alice')[0].message, /common passwords/);
  assert.match(passwordProblems('abababababab', 'alice')[0].message, /repeats/);
  assert.match(passwordProblems('alice-in-wonderland', 'alice')[0].message, /user name/);
});

test('a user signs in with the right password only; a wrong one and an unknown name answer the same and are audited', async () => {
  const { access, audit } = setup();
  assert.equal(access.hasUsers(), false);
  const added = await access.addUser('alice', 'planner', GOOD, ADMIN);
  assert.ok(added.ok);
  assert.equal(access.hasUsers(), true);
  const dup = await access.addUser('ALICE', 'viewer', GOOD + '!', ADMIN);
  assert.ok(!dup.ok && dup.issues[0].code === 'duplicate');
  const bad = await access.addUser('local', 'boss', 'short', ADMIN);
  assert.ok(!bad.ok);
  assert.deepEqual(bad.issues.map((i) => i.path), ['name', 'role', 'password']);

  const ok = await access.signIn('alice', GOOD, '10.0.0.5');
  assert.ok(ok.ok);
  assert.deepEqual([ok.principal.user, ok.principal.role, ok.principal.via], ['alice', 'planner', 'password']);
  assert.equal(access.session(ok.session)?.user, 'alice');
  assert.deepEqual(await access.signIn('alice', 'wrong password here', '10.0.0.5'), { ok: false });
  assert.deepEqual(await access.signIn('mallory', GOOD, '10.0.0.6'), { ok: false });
  const rows = audit.list();
  assert.deepEqual(rows.map((r) => [r.action, r.user, r.target, r.from]), [
    ['login.failed', 'anonymous', 'user mallory', '10.0.0.6'],
    ['login.failed', 'anonymous', 'user alice', '10.0.0.5'],
    ['login', 'alice', 'user alice', '10.0.0.5'],
    ['user.add', 'cli:root', 'user alice', 'local'],
  ]);
  assert.deepEqual(rows.map((r) => r.detail.reason).slice(0, 2), ['no such user', 'wrong password']);
  assert.doesNotMatch(JSON.stringify(rows), /horse|wrong password here/, 'no password in the trail');
});

test('failed token sign-ins from one address are throttled (429 with a wait); another address is not', () => {
  const { access, advance } = setup();
  for (let i = 0; i < 30; i++) assert.deepEqual(access.signInWithToken(`ddt_guess${i}`, '10.6.6.6'), { ok: false });
  const locked = access.signInWithToken(access.issueLink(), '10.6.6.6');
  assert.ok(!locked.ok && locked.retryAfter! > 0 && locked.retryAfter! <= 900, JSON.stringify(locked));
  assert.ok(access.signInWithToken(access.issueLink(), '10.7.7.7').ok);
  advance(15 * 60_000 + 1000);
  assert.ok(access.signInWithToken(access.issueLink(), '10.6.6.6').ok);
});

/** A session of the user without spending a scrypt: an API token exchanged, as the page does with ?token=. */
function sessionOf(access: Access, user: string): string {
  const t = access.createToken(user, 'test', ADMIN);
  assert.ok(t.ok);
  const s = access.signInWithToken(t.value.token, '::1');
  assert.ok(s.ok);
  return s.session;
}

test('a session ends after 12 idle hours, after 7 days whatever, on sign-out, and when its user is disabled', async () => {
  const { access, advance } = setup();
  await access.addUser('carol', 'planner', GOOD, ADMIN);
  const first = sessionOf(access, 'carol');
  advance(SESSION_IDLE_MS - 60_000);
  assert.ok(access.session(first), 'still in use within the idle time');
  advance(SESSION_IDLE_MS + 1);
  assert.equal(access.session(first), undefined, 'idle too long');

  const second = sessionOf(access, 'carol');
  let used = 0;
  for (; used + SESSION_IDLE_MS / 2 < SESSION_MAX_MS; used += SESSION_IDLE_MS / 2) {
    advance(SESSION_IDLE_MS / 2);
    assert.ok(access.session(second), `in use after ${used / 3600_000} h`);
  }
  advance(SESSION_MAX_MS - used);
  assert.equal(access.session(second), undefined, 'seven days is the most');

  const third = sessionOf(access, 'carol');
  access.setRole('carol', 'viewer', ADMIN);
  assert.equal(access.session(third)?.role, 'viewer', 'a role change applies at once');
  access.signOut(access.session(third)!, '::1');
  assert.equal(access.session(third), undefined);

  const fourth = sessionOf(access, 'carol');
  access.disableUser('carol', ADMIN);
  assert.equal(access.session(fourth), undefined);
  assert.deepEqual(await access.signIn('carol', GOOD, '::1'), { ok: false });
});

test('the start link works once; DRAWDOWN_TOKEN and API tokens work as bearer tokens until revoked', async () => {
  const env = 'e'.repeat(10) + 'f'.repeat(20);
  const { access, audit } = setup({ adminToken: env });
  const link = access.issueLink();
  const used = access.signInWithToken(link, '127.0.0.1');
  assert.ok(used.ok);
  assert.deepEqual([used.principal.user, used.principal.role, used.principal.via], ['local', 'admin', 'link']);
  assert.deepEqual(access.signInWithToken(link, '127.0.0.1'), { ok: false }, 'a second use fails');
  assert.equal(access.bearer(link), undefined, 'a link is not a bearer token');

  assert.deepEqual(access.bearer(env)?.user, 'automation');
  assert.equal(access.bearer(env.slice(0, -1) + 'g'), undefined);

  await access.addUser('dave', 'viewer', GOOD, ADMIN);
  const made = access.createToken('dave', 'nightly export', ADMIN);
  assert.ok(made.ok);
  assert.match(made.value.token, /^ddt_[\w-]{43}$/);
  assert.deepEqual([access.bearer(made.value.token)?.user, access.bearer(made.value.token)?.role], ['dave', 'viewer']);
  assert.doesNotMatch(JSON.stringify(access.listTokens()), new RegExp(made.value.token.slice(4)), 'the secret is never listed');
  assert.ok(access.revokeToken(made.value.info.id, ADMIN).ok);
  assert.equal(access.bearer(made.value.token), undefined);
  assert.ok(!access.createToken('nobody', 'x', ADMIN).ok);
  assert.doesNotMatch(JSON.stringify(audit.list()), new RegExp(made.value.token.slice(4)), 'nor written to the trail');
  assert.throws(() => setup({ adminToken: 'short' }), /too short/);
});

test('changing your own password needs the current one and ends your other sessions', async () => {
  const { access } = setup();
  await access.addUser('erin', 'planner', GOOD, ADMIN);
  const a = sessionOf(access, 'erin');
  const b = sessionOf(access, 'erin');
  const me = access.session(a)!;
  const wrong = await access.changeOwnPassword(me, 'not the password', 'a brand new passphrase', '::1');
  assert.ok(!wrong.ok && wrong.status === 'forbidden');
  assert.ok((await access.changeOwnPassword(me, GOOD, 'a brand new passphrase', '::1')).ok);
  assert.ok(access.session(a), 'this session stays');
  assert.equal(access.session(b), undefined, 'the other one ends');
  assert.ok((await access.signIn('erin', 'a brand new passphrase', '::1')).ok);
  const local = access.signInWithToken(access.issueLink(), '::1');
  assert.ok(local.ok);
  assert.ok(!(await access.changeOwnPassword(local.principal, '', 'a brand new passphrase', '::1')).ok, 'local has no password');
  assert.ok(!access.disableUser('erin', { ...SYSTEM, user: 'erin', via: 'password' }).ok, 'nobody disables themselves on the page');
});
