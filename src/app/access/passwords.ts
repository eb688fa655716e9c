// Passwords: scrypt from node:crypto with memory-hard parameters (OWASP's cheat sheet: N = 2^17,
// r = 8, p = 1, 128 MiB per hash; ASVS 4.0.3 2.4.6 asks at least N = 2^16), a 16-byte random salt
// per password, constant-time comparison. The parameters are stored with each hash, so raising
// them later leaves old hashes readable. The policy follows ASVS 2.1: 12 to 128 characters, any
// Unicode, no composition rules, a short list of common passwords refused.

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Issue } from '../../model/index.ts';

export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 32, saltBytes: 16 } as const;
/** bytes of memory one hash takes: 128 · N · r */
export const SCRYPT_MEMORY = 128 * SCRYPT.N * SCRYPT.r;

export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 128;

// Two hashes at a time at most: each takes 128 MiB and a core, and the machine may have two.
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r * p + 1024 * 1024 };
  return limited(() => new Promise((resolve, reject) => scrypt(normalise(password), salt, keyLength, options, (e, key) => (e ? reject(e) : resolve(key)))));
}

/** NFC, so the same password typed on two keyboards hashes the same; runs of spaces count once. */
function normalise(password: string): string {
  return password.normalize('NFC').replace(/ {2,}/g, ' ');
}

/** `scrypt$N$r$p$salt$hash` (salt and hash base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes);
  const key = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p), expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// The common passwords of breach lists that are long enough to pass the length rule; shorter
// ones are refused by length already.
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '123123123123', '111111111111', '000000000000',
  'qwertyuiopas', 'qwertyuiop123', 'qwerty123456', 'qwerty12345678', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3',
  'passwordpassword', 'password1234', 'password12345', 'password123456', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234',
  'iloveyou1234', 'abcdefghijkl', 'abc123abc123', 'administrator', 'welcome12345', 'letmein12345', 'changeme1234',
  'baseball1234', 'football1234', 'sunshine1234', 'princess1234', 'monkey123456', 'dragon123456', 'trustno1trustno1',
  'starwars1234', 'superman1234', 'masterkey123', 'drawdown1234', 'drawdowndrawdown',
]);

/** What is wrong with a new password; empty when it may be used. */
export function passwordProblems(password: string, userName: string, path = 'password'): Issue[] {
  const p = normalise(password);
  const length = [...p].length;
  const issue = (message: string): Issue[] => [{ path, code: 'value', message }];
  if (length < MIN_PASSWORD) return issue(`a password needs at least ${MIN_PASSWORD} characters, this one has ${length}`);
  if (length > MAX_PASSWORD) return issue(`a password may have at most ${MAX_PASSWORD} characters, this one has ${length}`);
  const lower = p.toLowerCase();
  if (COMMON.has(lower)) return issue('this password is on the lists of common passwords attackers try first: choose another');
  if (new Set(lower).size < 5) return issue('this password repeats a few characters: choose one with more variety (a phrase of four words works)');
  if (userName.length >= 3 && lower.includes(userName.toLowerCase())) return issue('the password must not contain the user name');
  return [];
}

/** A rough strength for the CLI and the page (about 4 bits per character of variety, capped). */
export function passwordStrength(password: string): 'weak' | 'fair' | 'strong' {
  const p = normalise(password);
  const distinct = new Set(p).size;
  const bits = [...p].length * Math.min(6, Math.log2(Math.max(2, distinct)));
  return bits < 50 ? 'weak' : bits < 80 ? 'fair' : 'strong';
}
