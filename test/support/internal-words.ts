/**
 * Words of the code, not of the admin, that no visible text may hold: each with what to say
 * instead. The admin reads Entra's and Stytch's own words ("Secret Token" with a space is Entra's
 * field; "enterprise app" is what Entra calls the application).
 */
const INTERNAL_WORDS: readonly (readonly [RegExp, string])[] = [
  [/stand-in/i, 'say “sandbox”'],
  [/\bprobe/i, 'say “connection check”'],
  [/\bhandles?\b/i, 'name the token'],
  [/\bPATCH\b/, 'say what Entra changes'],
  [/\b(NotConfigured|NotRun|SyncAll|SecretToken)\b/, 'say it in words'],
  [/background process/i, 'say “the app”'],
  [/token is ending in/i, 'say “ends in”'],
  [/Entra application/i, 'say “enterprise app”, as Entra does'],
];

/** Each internal word `text` holds, as "word (what to say instead)". */
export function internalWordsIn(text: string): string[] {
  return INTERNAL_WORDS.flatMap(([word, instead]) => {
    const found = word.exec(text);
    return found ? [`${found[0]} (${instead})`] : [];
  });
}
