// The Node adapter: opens the store, starts @hono/node-server on a port, and hands back a
// handle whose close() stops planning, the server and the database in that order.

import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve as nodeServe } from '@hono/node-server';
import type { Hono } from 'hono';
import { DrawdownError } from '../app/errors.ts';
import { openStore, type Store } from '../store/index.ts';
import { createApp, type AppDeps } from './app.ts';
import { PlanQueue, type Log } from './planning.ts';

export interface ServeOptions extends Omit<AppDeps, 'store' | 'planning'> {
  /** default: the PORT environment variable, else 8080; 0 picks a free port */
  port?: number;
  /** default 127.0.0.1 (this machine only); 0.0.0.0 to serve a network */
  hostname?: string;
  /** a database file, ':memory:', or an open store; default ./data/drawdown.db */
  db?: string | Store;
}

export interface ServerHandle {
  app: Hono;
  store: Store;
  planning: PlanQueue;
  port: number;
  hostname: string;
  /** http://localhost:PORT */
  url: string;
  close(): Promise<void>;
}

export function defaultPort(): number {
  const env = Number(process.env.PORT);
  return Number.isInteger(env) && env > 0 && env < 65536 ? env : 8080;
}

export async function serve(options: ServeOptions = {}): Promise<ServerHandle> {
  const ownStore = typeof options.db !== 'object';
  const store = typeof options.db === 'object' ? options.db : openStore(options.db);
  const log: Log = options.log ?? ((m, e) => console.error(m, e ?? ''));
  // a plan still running in the file was cut off when the last server stopped
  store.failRunningPlans('interrupted: the server stopped while planning; plan again');
  const planning = new PlanQueue(store, options.planner, log);
  const app = createApp({ ...options, store, planning, log });
  const hostname = options.hostname ?? '127.0.0.1';
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = nodeServe({ fetch: app.fetch, port: options.port ?? defaultPort(), hostname }) as Server;
      s.once('listening', () => resolve(s));
      s.once('error', reject);
    });
  } catch (e) {
    if (ownStore) store.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new DrawdownError('usage', `port ${options.port ?? defaultPort()} is in use: choose another with --port N`);
    if (err.code === 'EACCES') throw new DrawdownError('usage', `no permission to listen on port ${options.port ?? defaultPort()}: choose one above 1024`);
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    app, store, planning, port, hostname, url: `http://localhost:${port}`,
    close() {
      closed ??= (async () => {
        await planning.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections(); // keep-alive sockets would hold close() open
        });
        if (ownStore) store.close();
      })();
      return closed;
    },
  };
}
