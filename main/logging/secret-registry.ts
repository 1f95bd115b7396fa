/**
 * The values masked wherever they appear in what main writes out (log lines, errors crossing
 * IPC). Two tiers, so the set stays bounded without ever dropping a secret still in use:
 *
 * - held: values an owner keeps and releases when it drops them (the secrets service holds the
 *   project secret and each token while it is kept). Never evicted, because only the owner knows
 *   a value is still live; gone once the last holder releases it. Their number is bounded by what
 *   this computer keeps.
 * - noted ({@link registerSecret}): values with no owner to say when they end (a token Stytch just
 *   returned, before it is kept; the token of a probe run). At most {@link MAX_NOTED} per source,
 *   the least recently noted dropped first. That is the lesser harm: a value noted long ago and not
 *   since is the least likely to be logged again, the shape patterns still catch it in a header,
 *   and an unbounded set would make every later log line slower for the rest of the run. Each
 *   source has its own budget, so one that notes values on someone else's say (a probe run with
 *   any token the renderer sends, a simulated Entra job) can never evict another's, such as the
 *   app's own Microsoft tokens.
 *
 * A value is masked as written and in the encodings that carry it in headers and tokens: base64
 * and base64url, padded or not, standing alone or inside a longer encoded string (see
 * {@link maskForms}). A held value may be paired with an ID (the Stytch project ID with its
 * secret), so `base64(id:secret)`, HTTP Basic's credential, is masked too.
 */

import { FormMatcher } from './form-matcher';

/** Who noted a value: each source has its own budget of {@link MAX_NOTED}. */
export type NotingSource = 'microsoft-sign-in' | 'stytch' | 'graph' | 'probe' | 'entra-simulator';

// Every credential the app handles is far longer (Stytch secrets are about 48 characters, SCIM
// tokens longer), and 16 random characters already carry about 95 bits. A shorter value, or one
// with fewer than 8 different characters (padding, repeated fill), is likelier a word or a
// placeholder ("ListResponse", "0000000000000000") that would mask ordinary text than a secret.
const MIN_SECRET_LENGTH = 16;
const MIN_DISTINCT_CHARACTERS = 8;
const MAX_NOTED = 100;

const holders = new Map<string, number>();
/** `id:secret` pairs, masked in their encoded forms only: the ID as written is no secret. */
const pairHolders = new Map<string, number>();
const noted = new Map<NotingSource, Set<string>>();
/**
 * Each registered value's forms, computed once when it arrives: a probe run notes a new token,
 * and re-encoding all the others for each one cost a sweep more than its masking did.
 */
const valueForms = new Map<string, readonly string[]>();
const pairForms = new Map<string, readonly string[]>();
let longestFirst: readonly string[] | null = null;
let matcher: FormMatcher | null = null;

function changed(): void {
  longestFirst = null;
  matcher = null;
}

/** Whether a value is long and varied enough to be masked as a secret (see the rule above). */
export function isSecretLike(value: string): boolean {
  return value.length >= MIN_SECRET_LENGTH && new Set(value).size >= MIN_DISTINCT_CHARACTERS;
}

/**
 * A value's base64 and base64url encodings, padded and not. Inside a longer encoded string (a
 * JSON token, a header encoded whole) the value's encoding depends on where it starts within a
 * 3-byte group, so for each of the three offsets the characters that carry only the value's own
 * bits are masked as well; what remains shown at either end is a character or two shared with
 * the neighbouring bytes.
 */
export function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = new Set<string>();
  for (const alphabet of ['base64', 'base64url'] as const) {
    const alone = bytes.toString(alphabet);
    const bare = alone.replace(/=+$/, '');
    forms.add(bare).add(`${bare}${'='.repeat((4 - (bare.length % 4)) % 4)}`);
    for (let lead = 0; lead < 3; lead += 1) {
      const encoded = Buffer.concat([Buffer.alloc(lead), bytes]).toString(alphabet);
      // Character i holds bits 6i…6i+5; the value's bits run from 8·lead to 8·(lead + length).
      forms.add(
        encoded.slice(Math.ceil((8 * lead) / 6), Math.floor((8 * (lead + bytes.length)) / 6)),
      );
    }
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** A value as written and in its encoded forms ({@link encodedForms}). */
export function maskForms(value: string): string[] {
  return [value, ...encodedForms(value)];
}

/**
 * Marks a value as secret so every later log line and outgoing error masks it wherever it
 * appears. Values that are not secret-like are ignored; each source's set is bounded.
 */
export function registerSecret(value: string, source: NotingSource): void {
  if (!isSecretLike(value) || holders.has(value)) return;
  let set = noted.get(source);
  if (set === undefined) noted.set(source, (set = new Set()));
  const known = set.delete(value);
  set.add(value);
  // Noted again (every token-cache access notes every cached token): only its recency changed,
  // so the forms to mask stay as built; rebuilding them would cost every later log line.
  if (known) return;
  valueForms.set(value, maskForms(value));
  if (set.size > MAX_NOTED) {
    const [oldest] = set;
    if (oldest !== undefined) {
      set.delete(oldest);
      forgetIfUnused(oldest);
    }
  }
  changed();
}

/** Drops a value's forms once nothing holds or notes it any more. */
function forgetIfUnused(value: string): void {
  if (holders.has(value) || [...noted.values()].some((set) => set.has(value))) return;
  valueForms.delete(value);
}

function allForms(): string[] {
  return [...valueForms.values(), ...pairForms.values()].flat();
}

/** Every form to mask, longest first, so a secret that contains another is masked whole. */
export function secretsToMask(): readonly string[] {
  longestFirst ??= [...new Set(allForms())].sort((a, b) => b.length - a.length);
  return longestFirst;
}

/** One matcher for every form to mask, rebuilt only when the set changes (form-matcher.ts). */
export function registeredMatcher(): FormMatcher {
  matcher ??= new FormMatcher(allForms());
  return matcher;
}

/** What one key holds: the value, and the `id:value` pair when it was given an ID. */
interface Held {
  value: string;
  pair: string | null;
}

function count(counts: Map<string, number>, value: string, by: 1 | -1): void {
  const next = (counts.get(value) ?? 0) + by;
  if (next > 0) counts.set(value, next);
  else counts.delete(value);
  changed();
}

function hold({ value, pair }: Held): void {
  count(holders, value, 1);
  if (!valueForms.has(value)) valueForms.set(value, maskForms(value));
  if (pair !== null) {
    count(pairHolders, pair, 1);
    if (!pairForms.has(pair)) pairForms.set(pair, encodedForms(pair));
  }
  for (const set of noted.values()) set.delete(value);
}

function release({ value, pair }: Held): void {
  count(holders, value, -1);
  forgetIfUnused(value);
  if (pair !== null) {
    count(pairHolders, pair, -1);
    if (!pairHolders.has(pair)) pairForms.delete(pair);
  }
}

/**
 * One owner's held values, one per key (the secrets service keys them by keychain account). Holding
 * a new value under a key releases the one it replaces; a released value stops being masked once
 * no other key, of this owner or another, holds it.
 */
export class HeldSecrets {
  private readonly byKey = new Map<string, Held>();

  /**
   * Holds `value` under `key`; with `pairedWith`, also the encodings of `pairedWith:value` (the
   * HTTP Basic credential of an ID and its secret).
   */
  hold(key: string, value: string, pairedWith?: string): void {
    const previous = this.byKey.get(key);
    const pair = pairedWith === undefined ? null : `${pairedWith}:${value}`;
    if (previous?.value === value && previous.pair === pair) return;
    this.byKey.delete(key);
    if (isSecretLike(value)) {
      const held = { value, pair };
      hold(held);
      this.byKey.set(key, held);
    }
    if (previous !== undefined) release(previous);
  }

  release(key: string): void {
    const held = this.byKey.get(key);
    if (held === undefined) return;
    this.byKey.delete(key);
    release(held);
  }
}
