/**
 * Redaction for everything main writes to a log. Values are masked by what they look like
 * (bearer tokens, Stytch secrets, Authorization headers) and by the name of the field that
 * holds them, so a secret that slips into a log line is still caught.
 */

const SECRET_FIELD = /(secret|token|password|authorization|cookie|api[-_]?key)/i;

const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g,
  /\bsecret-(test|live)-[A-Za-z0-9_=-]+/g,
];

/** Known secret values registered at run time (e.g. a token just returned by Stytch). */
const knownSecrets = new Set<string>();

/** Marks a value as secret so every later log line masks it wherever it appears. */
export function registerSecret(value: string): void {
  if (value.length >= 6) knownSecrets.add(value);
}

/** Masks secrets in a string. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join('[redacted]');
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match, scheme: unknown) =>
      typeof scheme === 'string' && /^(Bearer|Basic)$/.test(scheme)
        ? `${scheme} [redacted]`
        : '[redacted]',
    );
  }
  return out;
}

/** Deep-copies a value with secret-named fields and secret-looking strings masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message) };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_FIELD.test(key) && inner != null ? '[redacted]' : redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}
