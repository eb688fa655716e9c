// Serves the built page (web/dist) for every path that is not /api: files by extension,
// index.html for `/` and for page routes without an extension, so the page's own router works.

import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.topojson': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>drawdown</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>drawdown</h1>
<p>The page has not been built. Run <code>npm run build:web</code>, then reload.</p>
<p>The API is up: <a href="/api/health">/api/health</a>, <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>
`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The response for a GET of pathname under root; undefined means 404. */
export async function staticResponse(root: string, pathname: string, head = false): Promise<Response | undefined> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  let file = resolve(base, '.' + decoded);
  if (file !== base && !file.startsWith(base + sep)) return undefined; // never outside web/dist
  if (decoded.endsWith('/')) file = join(file, 'index.html');
  const index = join(base, 'index.html');
  if (!(await isFile(file))) {
    // a page route (no extension) gets the page; a missing asset is a 404
    if (extname(decoded) !== '' && !decoded.endsWith('/')) return undefined;
    if (!(await isFile(index))) return html(NOT_BUILT, head);
    file = index;
  }
  const body = await readFile(file);
  const immutable = decoded.startsWith('/assets/');
  return new Response(head ? null : body, {
    headers: {
      'content-type': contentType(file),
      'content-length': String(body.length),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    },
  });
}

function html(text: string, head: boolean): Response {
  return new Response(head ? null : text, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } });
}
