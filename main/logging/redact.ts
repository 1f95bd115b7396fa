import { FormMatcher, replaceRanges } from './form-matcher';
import { encodedForms, isSecretLike, maskForms, registeredMatcher } from './secret-registry';

/**
 * Redaction for everything main writes out: log lines and errors crossing IPC. Values are masked
 * when registered (main/logging/secret-registry.ts), by what they look like (bearer and basic
 * credentials, URL passwords, secret query values, Stytch secrets) and by the name of the field
 * that holds them, so a secret that slips into a log line is still caught.
 */
export {
  HeldSecrets,
  registerSecret,
  registeredMatcher,
  secretsToMask,
  type NotingSource,
} from './secret-registry';

const REDACTED = '[redacted]';

const SECRET_FIELD = /(secret|token|password|authorization|cookie|api[-_]?key)/i;

// A scheme written as in a header (Bearer, Basic) is always followed by a credential. Written
// otherwise it may be prose ("paste the bearer token", "basic checks passed"), which must stay
// readable, so one ordinary lower-case word after it is kept; credentials carry digits or symbols.
const HEADER_SCHEMES: ReadonlySet<string> = new Set(['Bearer', 'Basic']);
const PROSE_WORD = /^[a-z]{3,24}[.,;:!?]?$/;

type Replacer = (match: string, ...groups: string[]) => string;

const SECRET_SHAPES: ReadonlyArray<{ pattern: RegExp; replace: Replacer }> = [
  {
    // The user and password of a URL: https://user:password@host.
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi,
    replace: (_match, scheme = '') => `${scheme}${REDACTED}@`,
  },
  {
    // Query, fragment or form values named like secrets: ?access_token=…, &password=….
    pattern:
      /(^|[?&#;\s"'(,])([\w.-]*?(?:token|secret|password|passwd|api[-_]?key))=[^&#\s"'<>]+/gi,
    replace: (_match, lead = '', name = '') => `${lead}${name}=${REDACTED}`,
  },
  {
    // Authorization credentials in any case, also percent- or form-encoded (Bearer%20…, Bearer+…).
    pattern: /(?<![A-Za-z])(bearer|basic)(\s+|%20|\+)([A-Za-z0-9._~+/=%-]+)/gi,
    replace: (match, scheme = '', gap = '', value = '') =>
      !HEADER_SCHEMES.has(scheme) && PROSE_WORD.test(value) ? match : `${scheme}${gap}${REDACTED}`,
  },
  { pattern: /\bsecret-(test|live)-[A-Za-z0-9_=-]+/g, replace: () => REDACTED },
];

// What one log line keeps of a value: enough to diagnose, never megabytes.
const MAX_LOG_TEXT = 2_000;
const MAX_LOG_KEY = 100;
const MAX_LOG_ITEMS = 50;

// Masking reads a little past a cut, so a secret that starts before the cut is still found whole
// and no prefix of it survives; a registered secret longer than this widens the margin.
const CUT_MARGIN = 1_024;

function mask(text: string, matchers: readonly FormMatcher[]): string {
  // One pass for all registered forms: every character inside any occurrence of any of them is
  // masked, however they overlap, so a secret that contains another is masked whole.
  let out = replaceRanges(text, matchers, REDACTED);
  for (const shape of SECRET_SHAPES) out = out.replace(shape.pattern, shape.replace);
  return out;
}

/** Masks secrets in a string. */
export function redactText(text: string): string {
  return mask(text, [registeredMatcher()]);
}

function cutNote(kept: string, length: number): string {
  return `${kept}… [cut from ${length} characters]`;
}

/**
 * THE way main shortens text it sends out: masked first, then cut to at most `max` characters
 * (saying where), so a cut can never leave part of a secret that masking would have found whole.
 * Only a window a little longer than `max` is masked, so a 10 MB string costs no more than a
 * short one; the window's last `margin` characters may hold the start of a secret its edge split,
 * so they are never kept (the window grows in the rare case masking shrank the rest below `max`).
 * `maskText` is {@link redactText} unless the caller knows more secrets (the probe's token).
 */
export function maskThenCut(
  text: string,
  max: number,
  maskText: (text: string) => string = redactText,
  longestSecret = registeredMatcher().longest,
  note: (kept: string, length: number) => string = cutNote,
): string {
  const margin = Math.max(CUT_MARGIN, longestSecret);
  for (let window = max + margin; ; window *= 2) {
    if (text.length <= window) {
      const masked = maskText(text);
      return masked.length <= max ? masked : note(masked.slice(0, max), text.length);
    }
    const masked = maskText(text.slice(0, window));
    const safe = masked.slice(0, Math.max(0, masked.length - margin));
    if (safe.length >= max) return note(safe.slice(0, max), text.length);
  }
}

/**
 * {@link maskThenCut} with the registered secrets, those of the usual shapes, and `alsoMask`
 * (secrets a caller holds that nobody registered, such as those in the request being answered),
 * each in its encoded forms too.
 */
export function redactAndCut(text: string, max: number, alsoMask: readonly string[] = []): string {
  // A value longer than the text cannot be in it, nor can its encodings (longer still).
  const extra = alsoMask
    .filter((value) => value.length <= text.length && isSecretLike(value))
    .flatMap(maskForms);
  const registered = registeredMatcher();
  const matchers = extra.length === 0 ? [registered] : [new FormMatcher(extra), registered];
  const longest = Math.max(...matchers.map((matcher) => matcher.longest));
  return maskThenCut(text, max, (window) => mask(window, matchers), longest);
}

/** The field that names whose secret a sibling field holds (a Stytch project's ID). */
const PAIRED_ID_FIELD = /^project_?id$/i;
/** Past this, a request's "secret" is no credential (Stytch's are ~50 characters): no pair. */
const MAX_PAIRED_SECRET = 1_000;

/**
 * The strings held under secret-named fields of a value (a request), to mask in its answer;
 * trimmed, as the app trims a secret before using it. Beside a project ID, the encodings of
 * `id:secret` too (HTTP Basic's credential); the ID as written stays readable.
 */
export function secretFieldValues(value: unknown, depth = 0): string[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  const entries = Object.entries(value).slice(0, MAX_LOG_ITEMS);
  const id = entries.find(([key, inner]) => PAIRED_ID_FIELD.test(key) && typeof inner === 'string');
  return entries.flatMap(([key, inner]) => {
    if (!SECRET_FIELD.test(key.slice(0, MAX_LOG_KEY)) || typeof inner !== 'string')
      return secretFieldValues(inner, depth + 1);
    const secret = inner.trim();
    return id === undefined || secret.length > MAX_PAIRED_SECRET
      ? [secret]
      : [secret, ...encodedForms(`${String(id[1]).trim()}:${secret}`)];
  });
}

function redactEntries(value: object, depth: number): Record<string, unknown> {
  const entries = Object.entries(value);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of entries.slice(0, MAX_LOG_ITEMS)) {
    const shownKey = redactAndCut(key, MAX_LOG_KEY);
    out[shownKey] =
      SECRET_FIELD.test(shownKey) && inner != null ? REDACTED : redact(inner, depth + 1);
  }
  if (entries.length > MAX_LOG_ITEMS) out['…'] = `${entries.length - MAX_LOG_ITEMS} more fields`;
  return out;
}

/**
 * Deep-copies a value with secret-named fields and secret-looking strings masked, and every
 * string, list and object cut to a size one log line can carry.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactAndCut(value, MAX_LOG_TEXT);
  if (value instanceof Error) {
    return {
      name: redactAndCut(value.name, MAX_LOG_KEY),
      message: redactAndCut(value.message, MAX_LOG_TEXT),
    };
  }
  if (Array.isArray(value)) {
    const items: unknown[] = value.slice(0, MAX_LOG_ITEMS).map((item) => redact(item, depth + 1));
    const more = value.length - items.length;
    return more > 0 ? [...items, `… ${more} more items`] : items;
  }
  if (value !== null && typeof value === 'object') return redactEntries(value, depth);
  return value;
}
