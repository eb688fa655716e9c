// The second error channel mapped once to HTTP: DrawdownError codes to statuses, anything else
// is a bug, logged in full here and answered with a bare 500 (never a stack to the client).

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DrawdownError, type ErrorCode, type Log } from '../app/index.ts';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  usage: 400,
  bad_input: 400,
  unreadable: 400,
  not_found: 404,
  internal: 500,
};

export function errorHandler(log: Log) {
  return (err: Error, c: Context): Response => {
    if (err instanceof DrawdownError && err.code !== 'internal') {
      return c.json({ error: err.message, code: err.code }, STATUS[err.code]);
    }
    log(`drawdown: internal error on ${c.req.method} ${new URL(c.req.url).pathname}:`, err);
    return c.json({ error: 'internal error', code: 'internal' }, 500);
  };
}

export function notFound(what: string): DrawdownError {
  return new DrawdownError('not_found', `${what} not found`);
}
