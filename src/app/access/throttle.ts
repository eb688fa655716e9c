// Failed sign-ins slow an attacker down: at most 10 failures per user name and 30 per address in
// any 15 minutes (ASVS 2.2.1 asks at most 100 an hour per account), then 429 with Retry-After
// until the oldest failure leaves the window. Kept in memory: a restart forgets, which costs an
// attacker a restart of our server that they cannot cause.

export const WINDOW_MS = 15 * 60_000;
export const PER_NAME = 10;
export const PER_ADDRESS = 30;
const MAX_KEYS = 10_000;

export class Throttle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** seconds to wait before trying again, or 0 */
  retryAfter(name: string | undefined, address: string): number {
    return Math.max(this.wait(`a:${address}`, PER_ADDRESS), name === undefined ? 0 : this.wait(`n:${name.toLowerCase()}`, PER_NAME));
  }

  fail(name: string | undefined, address: string): void {
    this.push(`a:${address}`);
    if (name !== undefined) this.push(`n:${name.toLowerCase()}`);
  }

  succeed(name: string): void {
    this.failures.delete(`n:${name.toLowerCase()}`);
  }

  private recent(key: string): number[] {
    const cut = this.now() - WINDOW_MS;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cut);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  private wait(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) return 0;
    return Math.max(1, Math.ceil((list[list.length - limit] + WINDOW_MS - this.now()) / 1000));
  }

  private push(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    // keep the map small under a flood: only the newest failures matter
    this.failures.set(key, list.slice(-PER_ADDRESS));
    // and few keys: a flood of made-up names forgets the oldest first
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }
}
