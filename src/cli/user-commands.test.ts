// `drawdown users` and `drawdown tokens` as an operator meets them, and `drawdown serve` printing
// its one-time login link: passwords never on the command line, a token printed once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { openAccess, PACKAGE_ROOT } from '../app/index.ts';
import { main, type Out } from './main.ts';

const PASSWORD = 'correct horse battery staple';
const BIN = join(PACKAGE_ROOT, 'bin', 'drawdown.js');

async function run(argv: string[], secrets: string[] = []) {
  let out = '';
  let err = '';
  const asked: string[] = [];
  const io: Out = {
    out: (s) => (out += s + '\n'),
    err: (s) => (err += s + '\n'),
    readSecret: async (prompt) => {
      asked.push(prompt);
      const s = secrets.shift();
      if (s === undefined) throw new Error('asked for more secrets than given');
      return s;
    },
    interactive: secrets.length > 1,
  };
  const code = await main(argv, io);
  return { code, out, err, asked };
}

const db = () => join(mkdtempSync(join(tmpdir(), 'drawdown-users-')), 'w.db');

test('users add asks for the password twice on a terminal, checks it, and records who added whom', async () => {
  const file = db();
  const added = await run(['users', 'add', 'alice', '--role', 'planner', '--db', file], [PASSWORD, PASSWORD]);
  assert.equal(added.code, 0, added.err);
  assert.match(added.out, /^added alice \(planner\); password strength: (fair|strong)\n$/);
  assert.deepEqual(added.asked, ['New password for alice (at least 12 characters): ', 'Type it again: ']);

  const typo = await run(['users', 'add', 'bob', '--role', 'viewer', '--db', file], [PASSWORD, PASSWORD + 'x']);
  assert.deepEqual([typo.code, typo.err], [2, 'drawdown: the two passwords differ: nothing was changed\n']);
  const weak = await run(['users', 'add', 'bob', '--role', 'viewer', '--db', file], ['short', 'short']);
  assert.equal(weak.code, 2);
  assert.match(weak.err, /password: a password needs at least 12 characters, this one has 5/);
  const badRole = await run(['users', 'add', 'bob', '--role', 'boss', '--db', file]);
  assert.equal(badRole.code, 2);
  assert.match(badRole.err, /give --role viewer\|planner\|admin, got "boss"/);
  assert.deepEqual(badRole.asked, [], 'a bad role is refused before the password is asked for');
  const badName = await run(['users', 'add', 'local', '--role', 'viewer', '--db', file]);
  assert.match(badName.err, /"local" is reserved/);
  assert.equal((await run(['users', 'add', 'ALICE', '--role', 'viewer', '--db', file], [PASSWORD + '2'])).code, 2, 'names are unique without case');
  assert.match((await run(['users', 'add', '--db', file])).err, /users add: expected 1 argument\(s\), got 0/);

  const list = await run(['users', 'list', '--db', file, '--json']);
  assert.deepEqual(JSON.parse(list.out).map((u: { name: string; role: string }) => [u.name, u.role]), [['alice', 'planner']]);
  assert.equal((await run(['users', 'role', 'alice', 'admin', '--db', file])).out, 'alice is now admin\n');
  assert.match((await run(['users', 'disable', 'alice', '--db', file])).out, /alice is disabled/);

  const h = openAccess(file);
  try {
    const rows = h.audit.list();
    assert.deepEqual(rows.map((r) => [r.user, r.via, r.action, r.target]).reverse(), [
      [`cli:${userInfo().username}`, 'cli', 'user.add', 'user alice'],
      [`cli:${userInfo().username}`, 'cli', 'user.role', 'user alice'],
      [`cli:${userInfo().username}`, 'cli', 'user.disable', 'user alice'],
    ]);
    assert.equal(h.audit.verify().ok, true);
  } finally {
    h.close();
  }
});

test('tokens create prints the token once on standard output; list never shows it; revoke ends it', async () => {
  const file = db();
  assert.equal((await run(['users', 'add', 'ci', '--role', 'viewer', '--db', file], [PASSWORD])).code, 0);
  const made = await run(['tokens', 'create', 'ci', '--label', 'nightly export', '--db', file]);
  assert.equal(made.code, 0, made.err);
  const token = made.out.trim();
  assert.match(token, /^ddt_[\w-]{43}$/);
  assert.match(made.err, /token 1 acts as ci \(nightly export\); it is shown once/);
  const list = await run(['tokens', 'list', '--db', file]);
  assert.match(list.out, /^ {3}1 {2}ci +nightly export +live/);
  assert.doesNotMatch(list.out, new RegExp(token.slice(4)));
  const h = openAccess(file);
  assert.equal(h.access.bearer(token)?.user, 'ci');
  h.close();
  assert.equal((await run(['tokens', 'revoke', '1', '--db', file])).out, 'token 1 of ci revoked\n');
  assert.equal((await run(['tokens', 'revoke', '1', '--db', file])).code, 2);
  assert.match((await run(['tokens', 'revoke', 'one', '--db', file])).err, /give the token's number/);
  assert.match((await run(['tokens', 'create', 'nobody', '--db', file])).err, /no user "nobody"/);
});

test('the real command reads a piped password, and serve prints a link whose token signs in once', { timeout: 60_000 }, async () => {
  const file = db();
  const add = spawnSync(process.execPath, [BIN, 'users', 'add', 'piper', '--role', 'admin', '--db', file], { input: `${PASSWORD}\n`, encoding: 'utf8' });
  assert.equal(add.status, 0, add.stderr);
  assert.match(add.stdout, /added piper \(admin\)/);
  const refused = spawnSync(process.execPath, [BIN, 'serve', '--host', '0.0.0.0', '--port', '0', '--db', db()], { encoding: 'utf8' });
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /serving 0\.0\.0\.0 opens the workspace to the network, so it needs users first/);

  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const link = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (d: Buffer) => {
        seen += d.toString();
        const m = /drawdown is serving at (http:\/\/localhost:\d+\/#token=ddl_[\w-]{43})\n/.exec(seen);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${seen}`)));
    });
    const url = new URL(link);
    const token = url.hash.slice('#token='.length);
    const signIn = () => fetch(new URL('/api/session', url), { method: 'POST', body: JSON.stringify({ token }), headers: { 'content-type': 'application/json' } });
    const first = await signIn();
    assert.equal(first.status, 200);
    assert.match(first.headers.get('set-cookie')!, /^__Host-drawdown=.*HttpOnly; SameSite=Strict/);
    assert.equal((await signIn()).status, 401, 'then useless');
    assert.equal((await fetch(new URL('/api/scenarios', url))).status, 401);
  } finally {
    child.kill('SIGTERM');
  }
});
