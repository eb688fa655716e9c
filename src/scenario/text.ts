// Bytes to text, strictly: a scenario is UTF-8 (with or without a byte order mark). Text in
// another encoding would otherwise turn into replacement characters that look like names and
// ids, so it is refused with the line and the bytes where it stops being UTF-8.

import type { Issue } from '../model/index.ts';

export type Decoded = { ok: true; text: string } | { ok: false; issue: Issue };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, issue: { path: '', code: 'unreadable', message: 'the text is UTF-16, not UTF-8', hint: 'save it as UTF-8' } };
  try {
    return { ok: true, text: fatal.decode(bytes) };
  } catch {
    const at = firstInvalid(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    const shown = [...bytes.subarray(at, at + 4)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return {
      ok: false,
      issue: {
        path: '',
        code: 'unreadable',
        message: `the text is not UTF-8: byte ${at + 1} (${shown}) is not a UTF-8 character`,
        line,
        hint: 'save it as UTF-8 (Windows-1252 and Latin-1 files are not read)',
      },
    };
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    // how many continuation bytes, and the smallest second byte allowed (overlongs, surrogates)
    const [n, lo, hi] = c < 0x80 ? [0, 0, 0] : c >= 0xc2 && c <= 0xdf ? [1, 0x80, 0xbf] : c === 0xe0 ? [2, 0xa0, 0xbf]
      : c === 0xed ? [2, 0x80, 0x9f] : c >= 0xe1 && c <= 0xef ? [2, 0x80, 0xbf] : c === 0xf0 ? [3, 0x90, 0xbf]
      : c >= 0xf1 && c <= 0xf3 ? [3, 0x80, 0xbf] : c === 0xf4 ? [3, 0x80, 0x8f] : [-1, 0, 0];
    if (n < 0 || i + n >= b.length + (n === 0 ? 1 : 0)) return i;
    if (n > 0 && (b[i + 1] < lo || b[i + 1] > hi)) return i;
    for (let k = 2; k <= n; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += n + 1;
  }
  return b.length;
}
