// Small fixtures for the server tests: a valid scenario in a few lines, and temporary folders.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One origin, one destination, two C-17s, three generators and forty people. */
export function smallYaml(name = 'small', generators = 3): string {
  return `name: ${name}
asOf: 2024-06-01
sites:
  - { id: agadez, name: Air Base 201, country: NE, lat: 16.96, lon: 8.0, role: origin }
  - { id: rota, name: Rota, country: ES, lat: 36.64, lon: -6.35, role: destination }
aircraft:
  - { type: C-17A, count: 2, base: rota }
personnel:
  - { site: agadez, count: 40, role: security }
items:
  - { id: gen, name: Generator, site: agadez, quantity: ${generators}, unitWeightKg: 1200, lengthM: 2, widthM: 1, heightM: 1.5, unitValueUsd: 30000, kind: cargo }
agreements:
  - { country: NE, deadline: 2024-09-15 }
`;
}

/** The same scenario as a JSON object. */
export function smallObject(name = 'small'): Record<string, unknown> {
  return {
    name, asOf: '2024-06-01',
    sites: [
      { id: 'agadez', name: 'Air Base 201', country: 'NE', lat: 16.96, lon: 8.0, role: 'origin' },
      { id: 'rota', name: 'Rota', country: 'ES', lat: 36.64, lon: -6.35, role: 'destination' },
    ],
    aircraft: [{ type: 'C-17A', count: 2, base: 'rota' }],
    personnel: [{ site: 'agadez', count: 40, role: 'security' }],
    items: [{ id: 'gen', name: 'Generator', site: 'agadez', quantity: 3, unitWeightKg: 1200, lengthM: 2, widthM: 1, heightM: 1.5, unitValueUsd: 30000, kind: 'cargo' }],
    agreements: [{ country: 'NE', deadline: '2024-09-15' }],
  };
}

/** Three mistakes on known lines: a negative weight (line 10), an unknown site (line 11), an unknown role (line 8). */
export const BROKEN_YAML = `name: broken
asOf: 2024-06-01
sites:
  - { id: agadez, name: Air Base 201, country: NE, lat: 16.96, lon: 8.0, role: origin }
  - { id: rota, name: Rota, country: ES, lat: 36.64, lon: -6.35, role: destination }
aircraft:
  - { type: C-17A, count: 2, base: rota }
personnel: [{ site: agadez, count: 40, role: cooks }]
items:
  - { id: gen, name: Generator, site: agadez, quantity: 3, unitWeightKg: -4, lengthM: 2, widthM: 1, heightM: 1.5, unitValueUsd: 30000, kind: cargo }
  - { id: tent, name: Tent, site: niamey, quantity: 1, unitWeightKg: 50, lengthM: 2, widthM: 1, heightM: 1, unitValueUsd: 900, kind: cargo }
agreements:
  - { country: NE, deadline: 2024-09-15 }
`;

export function tempDir(prefix = 'drawdown-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The admin bearer token (as DRAWDOWN_TOKEN sets it) the server tests sign in with. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** A request init with `Authorization: Bearer TOKEN` added. */
export function withToken(init: RequestInit = {}, token = TEST_ADMIN_TOKEN): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/** An app whose requests are signed in with a token (admin by default), as a script calls the API. */
export function signedIn(app: { request(path: string, init?: RequestInit): Response | Promise<Response> }, token = TEST_ADMIN_TOKEN) {
  return { request: async (path: string, init?: RequestInit) => app.request(path, withToken(init, token)) };
}
