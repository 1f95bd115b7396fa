/**
 * Words of the code, not of the admin, that no visible text may hold: each with what to say
 * instead. The admin reads Entra's and Stytch's own words ("Secret Token" with a space is Entra's
 * field; "enterprise app" is what Entra calls the application).
 */
const INTERNAL_WORDS: readonly (readonly [RegExp, string])[] = [
  [/stand-ins?/gi, 'say “sandbox”'],
  [/\bprobe/gi, 'say “connection check”'],
  [/\bhandles?\b/gi, 'name the token'],
  [/\bPATCH\b/g, 'say what Entra changes'],
  [/\b(NotConfigured|NotRun|SyncAll|SecretToken)\b/g, 'say it in words'],
  // Enum-like CamelCase codes (Graph's statuses, settings' keys): two or more capitalised parts,
  // not inside a dotted name (Graph's permissions, such as AuditLog.Read.All, are said as named).
  [/(?<![\w.])[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+(?![\w.])/g, 'say it in words'],
  [/background process/gi, 'say “the app”'],
  [/token is ending in/gi, 'say “ends in”'],
  [/Entra application/gi, 'say “enterprise app”, as Entra does'],
];

/**
 * One-word names the admin meets as they are: Entra's error codes, shown on its screens
 * (“SystemForCrossDomainIdentityManagement…”), and SCIM's own endpoints and message names.
 */
const OWN_NAMES: readonly RegExp[] = [
  /^SystemForCrossDomainIdentityManagement\w*$/,
  /^(ServiceProviderConfig|ResourceTypes|ListResponse|PatchOp)$/,
];

/**
 * Every CamelCase word: for text that quotes Entra verbatim (what Entra would say, with .NET's
 * status names such as NotFound), where only the other internal words are refused.
 */
export const QUOTED_CODES = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/;

/**
 * Each internal word `text` holds, as "word (what to say instead)". `allowed` lets words through
 * that a particular text may hold (the server's fix in a connection check report is written for
 * the SCIM server's developer, where an HTTP method is the precise word).
 */
export function internalWordsIn(
  text: string,
  allowed: readonly (string | RegExp)[] = [],
): string[] {
  const lets = (found: string) =>
    [...OWN_NAMES, ...allowed].some((name) =>
      typeof name === 'string' ? name === found : name.test(found),
    );
  return INTERNAL_WORDS.flatMap(([word, instead]) =>
    [...text.matchAll(word)]
      .map((found) => found[0])
      .filter((found) => !lets(found))
      .map((found) => `${found} (${instead})`),
  );
}
