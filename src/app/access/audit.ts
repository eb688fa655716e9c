// The audit trail: every change (scenario versions, plans, imports, exports of registers, users,
// tokens, sign-ins and failed sign-ins) is one row with who, when, what and from where. Rows are
// only ever added (the database refuses UPDATE and DELETE on them) and each carries the SHA-256
// of the previous row's hash and its own fields, so editing or removing a row in the file breaks
// the chain from there on, and verify() says where.

import type { AuditRow, Store } from '../../store/index.ts';
import type { Actor } from './roles.ts';
import { sha256 } from './secrets.ts';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  id: number;
  /** ISO 8601, UTC */
  at: string;
  user: string;
  role: string;
  via: string;
  /** scenario.create, scenario.version, plan.request, import, export, user.add, login.failed, ... */
  action: string;
  /** what it was done to: `scenario 3 version 2`, `plan 7`, `user alice` */
  target: string;
  detail: Record<string, unknown>;
  /** the remote address, or `local` */
  from: string;
  hash: string;
}

export interface AuditCheck {
  ok: boolean;
  rows: number;
  /** the hash of the newest row: write it down elsewhere to notice rows cut off the end */
  head: string;
  /** the first row that does not match its chain */
  broken?: { id: number; reason: string };
}

/** Control characters and overlong text out of anything an attacker can choose (names tried at sign-in). */
export function clean(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const s = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return [...s].length > max ? [...s].slice(0, max).join('') + '…' : s;
}

function rowHash(prevHash: string, r: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return sha256(JSON.stringify([prevHash, r.id, r.at, r.user, r.role, r.via, r.action, r.target, r.detail, r.remote]));
}

function entryOf(r: AuditRow): AuditEntry {
  return {
    id: r.id, at: r.at, user: r.user, role: r.role, via: r.via, action: r.action, target: r.target,
    detail: JSON.parse(r.detail) as Record<string, unknown>, from: r.remote, hash: r.hash,
  };
}

export class Audit {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends one row; inside the caller's transaction when there is one, so a change and its row are written together. */
  record(actor: Actor, action: string, target: string, detail: Record<string, unknown> = {}): AuditEntry {
    return this.store.transaction(() => {
      const last = this.store.audit.last();
      const base = {
        id: (last?.id ?? 0) + 1, at: this.now().toISOString(), user: clean(actor.user, 64), role: actor.role, via: actor.via,
        action, target: clean(target), detail: JSON.stringify(detail), remote: clean(actor.from, 64),
      };
      const row: AuditRow = { ...base, prevHash: last?.hash ?? GENESIS, hash: rowHash(last?.hash ?? GENESIS, base) };
      this.store.audit.insert(row);
      return entryOf(row);
    });
  }

  /** Newest first. */
  list(query: { limit?: number; before?: number; user?: string; action?: string } = {}): AuditEntry[] {
    const limit = Math.min(1000, Math.max(1, query.limit ?? 100));
    return this.store.audit.list({ ...query, limit }).map(entryOf);
  }

  count(): number {
    return this.store.audit.count();
  }

  /** Recomputes the whole chain: ids without gaps from 1, each row's link to the one before, each row's hash. */
  verify(): AuditCheck {
    const rows = this.store.audit.all();
    let prev = GENESIS;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const bad = (reason: string): AuditCheck => ({ ok: false, rows: rows.length, head: rows[rows.length - 1].hash, broken: { id: r.id, reason } });
      if (r.id !== i + 1) return bad(`row ${i + 1} is missing: the rows jump from ${i} to ${r.id}`);
      if (r.prevHash !== prev) return bad(`row ${r.id} does not follow row ${r.id - 1}: its link to the previous hash differs`);
      if (rowHash(prev, r) !== r.hash) return bad(`row ${r.id} was changed after it was written: its hash no longer matches its fields`);
      prev = r.hash;
    }
    return { ok: true, rows: rows.length, head: prev };
  }

  /** Every row, oldest first, as CSV (RFC 4180) with cells that cannot start a spreadsheet formula. */
  csv(): string {
    const head = ['id', 'at', 'user', 'role', 'via', 'action', 'target', 'from', 'detail', 'hash'];
    const lines = [head.join(',')];
    for (const r of this.store.audit.all()) {
      lines.push([String(r.id), r.at, r.user, r.role, r.via, r.action, r.target, r.remote, r.detail, r.hash].map(csvCell).join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }
}

/** A CSV cell: quoted when it must be; a leading = + - @ tab or CR gets a ' so no spreadsheet runs it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
