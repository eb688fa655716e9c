// Random secrets and their hashes. Tokens and session secrets carry 256 random bits, so a plain
// SHA-256 is enough to store them (nothing to brute-force); passwords get scrypt (passwords.ts).

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url, with a prefix that says what the secret is (and lets scanners find it). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Constant-time equality of two secrets of any length (compares their hashes). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

export const TOKEN_PREFIX = 'ddt_';
export const LINK_PREFIX = 'ddl_';
