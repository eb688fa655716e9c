// `drawdown users` and `drawdown tokens`: who may use a workspace, managed on the machine that
// holds its database file (whoever can write that file is its administrator anyway). Passwords
// are asked for without echo or read from a pipe, never taken from the command line; a token is
// printed once and only its hash is kept.

import { userInfo } from 'node:os';
import {
  DEFAULT_DB, DrawdownError, EXIT, isRole, MIN_PASSWORD, nameProblems, openAccess, passwordStrength, ROLES, type AccessHandle, type Actor, type Changed,
} from '../app/index.ts';
import { args, str } from './args.ts';
import { helpText } from './help.ts';
import { printIssues, type Out } from './io.ts';

function cliActor(): Actor {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER ?? 'unknown';
  }
  return { user: `cli:${name}`, role: 'admin', via: 'cli', from: 'local' };
}

async function withAccess<T>(db: string | undefined, fn: (h: AccessHandle) => Promise<T> | T): Promise<T> {
  const h = openAccess(db ?? DEFAULT_DB);
  try {
    return await fn(h);
  } finally {
    h.close();
  }
}

function result<T>(io: Out, r: Changed<T>, done: (value: T) => void): number {
  if (!r.ok) return printIssues(io, r.issues, {}), EXIT.badInput;
  done(r.value);
  return EXIT.ok;
}

async function askPassword(io: Out, name: string): Promise<string> {
  if (!io.readSecret) throw new DrawdownError('usage', 'this drawdown cannot read a password here: run it in a terminal');
  const first = await io.readSecret(`New password for ${name} (at least ${MIN_PASSWORD} characters): `);
  if (io.interactive) {
    const again = await io.readSecret('Type it again: ');
    if (again !== first) throw new DrawdownError('usage', 'the two passwords differ: nothing was changed');
  }
  return first;
}

const sub = (rest: string[]): [string | undefined, string[]] => [rest[0]?.startsWith('-') ? undefined : rest[0], rest[0]?.startsWith('-') ? rest : rest.slice(1)];

export async function usersCommand(rest: string[], io: Out): Promise<number> {
  const [what, more] = sub(rest);
  if (what === undefined || what === 'help') return io.out(helpText('users')), EXIT.ok;
  const by = cliActor();
  switch (what) {
    case 'add': {
      const { values, positionals } = args('users add', more, { role: { type: 'string' }, db: { type: 'string' } }, 1);
      if (values.help) return io.out(helpText('users')), EXIT.ok;
      const role = str(values.role);
      if (role === undefined || !isRole(role)) throw new DrawdownError('usage', `users add: give --role ${ROLES.join('|')}${role === undefined ? '' : `, got "${role}"`} (try drawdown users --help)`);
      // the name is checked before the password is asked for
      const bad = nameProblems(positionals[0]);
      if (bad.length) return printIssues(io, bad, {}), EXIT.badInput;
      const password = await askPassword(io, positionals[0]);
      return withAccess(str(values.db), async ({ access }) => result(io, await access.addUser(positionals[0], role, password, by), (u) => {
        io.out(`added ${u.name} (${u.role}); password strength: ${passwordStrength(password)}`);
      }));
    }
    case 'list': {
      const { values } = args('users list', more, { db: { type: 'string' }, json: { type: 'boolean' } }, 0);
      return withAccess(str(values.db), ({ access }) => {
        const users = access.listUsers();
        if (values.json) io.out(JSON.stringify(users, null, 2));
        else if (users.length === 0) io.out('no users yet: drawdown users add NAME --role admin');
        else for (const u of users) io.out(`${u.name.padEnd(24)} ${u.role.padEnd(8)} ${u.disabled ? 'disabled' : 'active  '} since ${u.createdAt.slice(0, 10)}`);
        return EXIT.ok;
      });
    }
    case 'role': {
      const { values, positionals } = args('users role', more, { db: { type: 'string' } }, 2);
      return withAccess(str(values.db), ({ access }) => result(io, access.setRole(positionals[0], positionals[1], by), (u) => io.out(`${u.name} is now ${u.role}`)));
    }
    case 'passwd': {
      const { values, positionals } = args('users passwd', more, { db: { type: 'string' } }, 1);
      const password = await askPassword(io, positionals[0]);
      return withAccess(str(values.db), async ({ access }) => result(io, await access.setPassword(positionals[0], password, by), (u) => {
        io.out(`password of ${u.name} changed; their sessions have ended`);
      }));
    }
    case 'disable':
    case 'remove': {
      const { values, positionals } = args(`users ${what}`, more, { db: { type: 'string' } }, 1);
      return withAccess(str(values.db), ({ access }) => result(io, access.disableUser(positionals[0], by), (u) => {
        io.out(`${u.name} is disabled: signed out, tokens revoked; the name stays in the audit trail`);
      }));
    }
    default:
      throw new DrawdownError('usage', `users: unknown action "${what}": add, list, role, passwd or disable (try drawdown users --help)`);
  }
}

export async function tokensCommand(rest: string[], io: Out): Promise<number> {
  const [what, more] = sub(rest);
  if (what === undefined || what === 'help') return io.out(helpText('tokens')), EXIT.ok;
  const by = cliActor();
  switch (what) {
    case 'create': {
      const { values, positionals } = args('tokens create', more, { label: { type: 'string' }, db: { type: 'string' } }, 1);
      return withAccess(str(values.db), ({ access }) => result(io, access.createToken(positionals[0], str(values.label) ?? 'token', by), ({ token, info }) => {
        io.err(`token ${info.id} acts as ${info.user} (${info.label}); it is shown once and cannot be read back:`);
        io.out(token);
      }));
    }
    case 'list': {
      const { values } = args('tokens list', more, { db: { type: 'string' }, json: { type: 'boolean' } }, 0);
      return withAccess(str(values.db), ({ access }) => {
        const tokens = access.listTokens();
        if (values.json) io.out(JSON.stringify(tokens, null, 2));
        else if (tokens.length === 0) io.out('no tokens: drawdown tokens create USER');
        else for (const t of tokens) io.out(`${String(t.id).padStart(4)}  ${t.user.padEnd(20)} ${t.label.padEnd(20)} ${t.revoked ? 'revoked' : 'live   '} last used ${t.lastUsedAt?.slice(0, 16) ?? 'never'}`);
        return EXIT.ok;
      });
    }
    case 'revoke': {
      const { values, positionals } = args('tokens revoke', more, { db: { type: 'string' } }, 1);
      if (!/^[1-9]\d{0,9}$/.test(positionals[0])) throw new DrawdownError('usage', `tokens revoke: give the token's number (drawdown tokens list), got "${positionals[0]}"`);
      const id = Number(positionals[0]);
      return withAccess(str(values.db), ({ access }) => result(io, access.revokeToken(id, by), (t) => io.out(`token ${t.id} of ${t.user} revoked`)));
    }
    default:
      throw new DrawdownError('usage', `tokens: unknown action "${what}": create, list or revoke (try drawdown tokens --help)`);
  }
}
