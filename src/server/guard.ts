// The middleware every request passes, in order: security headers on every answer; a Host the
// server answers for (421 otherwise: DNS rebinding gets nowhere); who the request is (a session
// cookie or `Authorization: Bearer`); no cross-site writes (Origin and Sec-Fetch-Site checked,
// `text/plain` and form bodies refused); and the role the route table (routes.ts) asks for.

import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { actorOf, allows, type Actor, type Principal, type Workspace } from '../app/index.ts';
import { ruleFor } from './routes.ts';

export type AppEnv = { Variables: { principal: Principal | undefined; from: string } };

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/** On https or on this machine the cookie can be Secure and carry the __Host- prefix (ASVS 3.4.4). */
export const SECURE_COOKIE = '__Host-drawdown';
/** Plain http on a network (behind no TLS proxy): the browser drops Secure cookies there. */
export const PLAIN_COOKIE = 'drawdown';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
// the bodies a cross-site form can send without a preflight, and that no route reads
const REFUSED_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded']);

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return LOOPBACK.has(h) || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** The actor of a request, for the audit trail. */
export function actor(c: Context<AppEnv>): Actor {
  const p = c.get('principal');
  return p ? actorOf(p, c.get('from')) : { user: 'anonymous', role: 'anonymous', via: 'password', from: c.get('from') };
}

/** The same address written one way: `::ffff:10.0.0.2` is 10.0.0.2. */
export function cleanAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    let res = c.res;
    try {
      res.headers.set('x-content-type-options', 'nosniff');
    } catch {
      // a response with immutable headers (one passed through from fetch) is copied first
      res = new Response(res.body, res);
      res.headers.set('x-content-type-options', 'nosniff');
    }
    const set = (name: string, value: string) => {
      if (!res.headers.has(name)) res.headers.set(name, value);
    };
    res.headers.set('content-security-policy', CSP);
    res.headers.set('referrer-policy', 'no-referrer');
    res.headers.set('x-frame-options', 'DENY');
    res.headers.set('cross-origin-opener-policy', 'same-origin');
    res.headers.set('cross-origin-resource-policy', 'same-origin');
    res.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    const url = new URL(c.req.url);
    if (url.protocol === 'https:') res.headers.set('strict-transport-security', 'max-age=31536000');
    if (url.pathname.startsWith('/api/')) {
      // API answers hold workspace data: never kept by a browser or proxy cache (ASVS 8.2.1)
      set('cache-control', 'no-store');
      if ((res.headers.get('content-type') ?? '').startsWith('application/json')) set('content-disposition', 'attachment; filename="api.json"');
    }
    c.res = res;
  };
}

/** 421 for a Host header the server does not answer for. */
export function hostCheck(hosts: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const hostname = new URL(c.req.url).hostname.toLowerCase();
    if (!hosts.has(hostname)) {
      return c.json({
        error: `this server does not answer for the host "${hostname}": open it by an address it serves (${[...hosts].join(', ')}), or start it with --allow-host ${hostname}`,
        code: 'misdirected',
      }, 421);
    }
    await next();
  };
}

/** Who the request is: a bearer token wins over a cookie; a bad bearer token is anonymous, never the cookie. */
export function authenticate(workspace: Workspace, clientAddress: (c: Context) => string | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('from', cleanAddress(clientAddress(c)));
    const auth = c.req.header('authorization');
    let principal: Principal | undefined;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
      principal = m ? workspace.access.bearer(m[1]) : undefined;
    } else {
      const secret = getCookie(c, SECURE_COOKIE) ?? getCookie(c, PLAIN_COOKIE);
      if (secret) principal = workspace.access.session(secret);
    }
    c.set('principal', principal);
    await next();
  };
}

/** Writes from another site are refused, whatever their credentials (ASVS 4.2.2, 13.2.3). */
export function noCrossSiteWrites(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (REFUSED_TYPES.has(type)) {
      return c.json({
        issues: [{ path: '', code: 'usage', value: type, message: `a write with Content-Type "${type}" is refused (a web page on another site can send it): send application/json or application/yaml` }],
      }, 415);
    }
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const host = new URL(c.req.url).host.toLowerCase();
    const refuse = (why: string) => c.json({ error: `cross-site write refused: ${why}`, code: 'cross_site' }, 403);
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(`Sec-Fetch-Site is "${site}"`);
    if (origin !== undefined) {
      let from: string | undefined;
      try {
        from = origin === 'null' ? undefined : new URL(origin).host.toLowerCase();
      } catch {
        from = undefined;
      }
      if (from !== host) return refuse(`the request comes from ${origin}, not from this server (${host})`);
    } else if (site === undefined && c.get('principal')?.sessionId !== undefined) {
      // a browser always sends Origin with a write; a cookie without it is not a page of ours
      return refuse('a write signed in by cookie must carry an Origin header');
    }
    return next();
  };
}

/** 401 without a sign-in, 403 below the route's role; the refusal of a signed-in user is audited. */
export function authorize(workspace: Workspace): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const pathname = new URL(c.req.url).pathname;
    const rule = ruleFor(c.req.method, pathname);
    const need = rule?.need ?? 'admin';
    if (need === 'public') return next();
    const p = c.get('principal');
    if (!p) {
      return c.json({ error: 'sign in first: open the link drawdown start printed, sign in on the page, or send Authorization: Bearer TOKEN', code: 'unauthenticated' }, 401, {
        'www-authenticate': 'Bearer realm="drawdown"',
      });
    }
    if (!allows(p.role, need)) {
      workspace.audit.record(actor(c), 'denied', `${c.req.method} ${pathname}`, { needs: need });
      return c.json({ error: `${c.req.method} ${pathname} needs the ${need} role; ${p.user} is ${p.role === 'admin' ? 'an' : 'a'} ${p.role}`, code: 'forbidden' }, 403);
    }
    return next();
  };
}

/** The session cookie for a request: Secure with the __Host- prefix on https or loopback, plain otherwise. */
export function sessionCookie(c: Context, secret: string, maxAgeSeconds: number): string {
  const url = new URL(c.req.url);
  const secure = url.protocol === 'https:' || isLoopback(url.hostname);
  const name = secure ? SECURE_COOKIE : PLAIN_COOKIE;
  return `${name}=${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

export function clearedCookies(): string[] {
  return [`${SECURE_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure`, `${PLAIN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`];
}
