// The second error channel (design.md): bugs and environment failures are exceptions with a
// stable code, mapped once to exit codes (CLI) and HTTP statuses (server). Input problems are
// never exceptions: they come back as lists of issues with paths.

export type ErrorCode = 'usage' | 'not_found' | 'unreadable' | 'bad_input' | 'internal';

export class DrawdownError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DrawdownError';
  }
}

export const EXIT = {
  ok: 0,
  /** verify: the plan breaks rules */
  violations: 1,
  /** unreadable or invalid input, bad usage */
  badInput: 2,
  /** plan: a plan was made but it is not feasible */
  infeasible: 3,
  /** a bug: please report it */
  internal: 70,
} as const;

export function exitCodeFor(err: unknown): number {
  if (err instanceof DrawdownError) return err.code === 'internal' ? EXIT.internal : EXIT.badInput;
  return EXIT.internal;
}
