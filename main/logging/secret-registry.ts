/**
 * The values masked wherever they appear in what main writes out (log lines, errors crossing
 * IPC). Two tiers, so the set stays bounded without ever dropping a secret still in use:
 *
 * - held: values an owner keeps and releases when it drops them (the secrets service holds the
 *   project secret and each token while it is kept). Never evicted, because only the owner knows
 *   a value is still live; gone once the last holder releases it. Their number is bounded by what
 *   this computer keeps.
 * - noted ({@link registerSecret}): values with no owner to say when they end (a token Stytch just
 *   returned, before it is kept; the token of a probe run). At most {@link MAX_NOTED}, the least
 *   recently noted dropped first. That is the lesser harm: a value noted long ago and not since is
 *   the least likely to be logged again, the shape patterns still catch it in a header, and an
 *   unbounded set would make every later log line slower for the rest of the run.
 */

// Every credential the app handles is far longer (Stytch secrets are about 48 characters, SCIM
// tokens longer), and 16 random characters already carry about 95 bits. A shorter value, or one
// with fewer than 8 different characters (padding, repeated fill), is likelier a word or a
// placeholder ("ListResponse", "0000000000000000") that would mask ordinary text than a secret.
const MIN_SECRET_LENGTH = 16;
const MIN_DISTINCT_CHARACTERS = 8;
const MAX_NOTED = 100;

const holders = new Map<string, number>();
const noted = new Set<string>();
let longestFirst: readonly string[] | null = null;

/** Whether a value is long and varied enough to be masked as a secret (see the rule above). */
export function isSecretLike(value: string): boolean {
  return value.length >= MIN_SECRET_LENGTH && new Set(value).size >= MIN_DISTINCT_CHARACTERS;
}

/**
 * Marks a value as secret so every later log line and outgoing error masks it wherever it
 * appears. Values that are not secret-like are ignored; the set of noted values is bounded.
 */
export function registerSecret(value: string): void {
  if (!isSecretLike(value) || holders.has(value)) return;
  noted.delete(value);
  noted.add(value);
  if (noted.size > MAX_NOTED) {
    const [oldest] = noted;
    if (oldest !== undefined) noted.delete(oldest);
  }
  longestFirst = null;
}

/** Every value to mask, longest first, so a secret that contains another is masked whole. */
export function secretsToMask(): readonly string[] {
  longestFirst ??= [...holders.keys(), ...noted].sort((a, b) => b.length - a.length);
  return longestFirst;
}

function hold(value: string): void {
  holders.set(value, (holders.get(value) ?? 0) + 1);
  noted.delete(value);
  longestFirst = null;
}

function release(value: string): void {
  const count = (holders.get(value) ?? 0) - 1;
  if (count > 0) {
    holders.set(value, count);
    return;
  }
  holders.delete(value);
  longestFirst = null;
}

/**
 * One owner's held values, one per key (the secrets service keys them by keychain account). Holding
 * a new value under a key releases the one it replaces; a released value stops being masked once
 * no other key, of this owner or another, holds it.
 */
export class HeldSecrets {
  private readonly byKey = new Map<string, string>();

  hold(key: string, value: string): void {
    const previous = this.byKey.get(key);
    if (previous === value) return;
    this.byKey.delete(key);
    if (isSecretLike(value)) {
      hold(value);
      this.byKey.set(key, value);
    }
    if (previous !== undefined) release(previous);
  }

  release(key: string): void {
    const value = this.byKey.get(key);
    if (value === undefined) return;
    this.byKey.delete(key);
    release(value);
  }
}
