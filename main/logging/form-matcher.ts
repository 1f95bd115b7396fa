/**
 * Finds every occurrence of many fixed strings in one pass over a text, so masking costs about
 * the same with 10 registered secrets as with 1,000 (a probe run notes its token, and a sweep
 * runs hundreds): a rolling hash of each window of {@link WINDOW} characters is looked up among
 * the hashes of the strings' first {@link WINDOW} characters, and only a hit is compared in full.
 * Strings shorter than that (none the registry makes: its shortest secret is that long) are
 * searched one by one, so no input can make masking throw.
 */

/** Characters hashed per window: the registry's shortest secret (secret-registry.ts). */
export const WINDOW = 16;

// A 32-bit polynomial hash: collisions only cost a comparison, never a missed match.
const BASE = 0x01000193;
const BASE_POW = Array.from({ length: WINDOW - 1 }).reduce<number>(
  (power) => Math.imul(power, BASE),
  1,
);

function headHash(text: string, from: number): number {
  let hash = 0;
  for (let index = from; index < from + WINDOW; index += 1)
    hash = (Math.imul(hash, BASE) + text.charCodeAt(index)) | 0;
  return hash;
}

/** Where the strings occur in a text: [start, end) ranges. */
export type Ranges = Array<[start: number, end: number]>;

export class FormMatcher {
  /** Strings by the hash of their first {@link WINDOW} characters, longest first. */
  private readonly byHead = new Map<number, string[]>();
  private readonly short: string[] = [];
  /** The longest string's length (0 when there is none). */
  readonly longest: number;
  /**
   * Windows hashed and strings compared so far: a counting seam, so a test can show the work per
   * text does not grow with the number of strings without timing anything.
   */
  work = 0;

  constructor(forms: Iterable<string>) {
    let longest = 0;
    for (const form of new Set(forms)) {
      longest = Math.max(longest, form.length);
      if (form.length < WINDOW) {
        if (form.length > 0) this.short.push(form);
        continue;
      }
      const hash = headHash(form, 0);
      const same = this.byHead.get(hash);
      if (same === undefined) this.byHead.set(hash, [form]);
      else same.push(form);
    }
    for (const same of this.byHead.values()) same.sort((a, b) => b.length - a.length);
    this.longest = longest;
  }

  /** Every place one of the strings occurs (the longest one at each start); may overlap. */
  ranges(text: string): Ranges {
    const found: Ranges = [];
    for (const form of this.short)
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1))
        found.push([at, at + form.length]);
    if (this.byHead.size === 0 || text.length < WINDOW) return found;
    let hash = headHash(text, 0);
    for (let start = 0; ; start += 1) {
      this.work += 1;
      const candidates = this.byHead.get(hash);
      if (candidates !== undefined) {
        for (const form of candidates) {
          this.work += 1;
          if (!text.startsWith(form, start)) continue;
          found.push([start, start + form.length]);
          break;
        }
      }
      if (start + WINDOW >= text.length) return found;
      hash =
        (Math.imul(hash - Math.imul(text.charCodeAt(start), BASE_POW), BASE) +
          text.charCodeAt(start + WINDOW)) |
        0;
    }
  }
}

/** `text` with each range of every matcher replaced by `replacement` (overlaps across matchers merged). */
export function replaceRanges(
  text: string,
  matchers: readonly FormMatcher[],
  replacement: string,
): string {
  const all = matchers.flatMap((matcher) => matcher.ranges(text));
  if (all.length === 0) return text;
  all.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  let current: [number, number] | null = null;
  const flush = () => {
    if (current === null) return;
    out += text.slice(from, current[0]) + replacement;
    from = current[1];
  };
  for (const [start, end] of all) {
    if (current !== null && start < current[1]) current[1] = Math.max(current[1], end);
    else {
      flush();
      current = [start, end];
    }
  }
  flush();
  return out + text.slice(from);
}
