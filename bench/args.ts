// Command line of `npm run bench`: which sections, which scale sizes, quick or full.
// Example: npm run bench -- --only bpp,br,scale --sizes 1k,10k,100k,1m --quick

export type Section = 'bpp' | 'br' | 'scale';
export const SECTIONS: readonly Section[] = ['bpp', 'br', 'scale'];

export interface BenchArgs {
  sections: Section[];
  /** scale sizes as numbers (1k = 1000); null = the default set for quick or full */
  sizes: number[] | null;
  quick: boolean;
  /** BR problems per class; null = the default for quick or full */
  brProblems: number | null;
  /** BR classes to run (BR1 ... BR15); null = all */
  brClasses: string[] | null;
  /** where the JSON goes, relative to the repo root */
  out: string;
}

/** "1k" -> 1000, "1m" -> 1000000, "2500" -> 2500 */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`bench: size "${text}" is not a number like 10k or 1m`);
  const mult = m[2].toLowerCase() === 'k' ? 1_000 : m[2].toLowerCase() === 'm' ? 1_000_000 : 1;
  return Math.round(Number(m[1]) * mult);
}

export function formatSize(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = { sections: [...SECTIONS], sizes: null, quick: false, brProblems: null, brClasses: null, out: 'bench/results/latest.json' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`bench: ${a} needs a value`);
      return v;
    };
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (name === '--quick') out.quick = true;
    else if (name === '--only') {
      const wanted = value().split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
      const aliases: Record<string, Section> = { bpp: 'bpp', bpp1d: 'bpp', br: 'br', clp: 'br', scale: 'scale' };
      out.sections = wanted.map((w) => {
        const s = aliases[w];
        if (!s) throw new Error(`bench: unknown section "${w}" (bpp, br, scale)`);
        return s;
      });
    } else if (name === '--sizes') out.sizes = value().split(',').map(parseSize);
    else if (name === '--br-problems') out.brProblems = parseSize(value());
    else if (name === '--br-classes') out.brClasses = value().split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
    else if (name === '--out') out.out = value();
    else throw new Error(`bench: unknown option ${a} (--only, --sizes, --quick, --br-problems, --br-classes, --out)`);
  }
  return out;
}
