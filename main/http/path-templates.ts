/**
 * API paths written as templates, `/v1/b2b/scim/{organization_id}/connection`: one list of
 * operations per API (Stytch's, Graph's) builds each call's path and, in the stand-ins, matches an
 * incoming request back to its operation.
 */

/** The parameter names of a template, e.g. `organization_id`. */
export type TemplateParams<Path extends string> =
  Path extends `${string}{${infer Name}}${infer Rest}` ? Name | TemplateParams<Rest> : never;

/** A template split at its parameters: literal text at even indexes, names at odd ones. */
const splitTemplate = (path: string) => path.split(/\{(\w+)\}/);

/**
 * Segments a URL parser resolves or drops rather than sends: `fetch` turns `/a/..` into `/`.
 * encodeURIComponent leaves dots alone, so these must be refused, not encoded.
 */
const NOT_A_SEGMENT: ReadonlySet<string> = new Set(['', '.', '..']);

/** One parameter as one path segment; throws for a missing, empty or dot one. */
function segment(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || NOT_A_SEGMENT.has(value))
    throw new Error(`The path parameter ${name} is ${JSON.stringify(value ?? null)}, not an id.`);
  return encodeURIComponent(value);
}

/**
 * The path of a call, each parameter URL-encoded so it stays one segment (ids come from users
 * and from the API). The contract refuses such ids first (shared/ipc.ts); this is the backstop
 * for every API and caller: a call with an empty, `.` or `..` parameter is never sent.
 */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return splitTemplate(template)
    .map((part, index) => (index % 2 === 0 ? part : segment(params, part)))
    .join('');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A matcher over an operations table: answers the operation a request is for, with its decoded
 * parameters, or null.
 */
export function templateMatcher<O extends string>(
  operations: Readonly<Record<O, { method: string; path: string }>>,
): (method: string, path: string) => { operation: O; params: Record<string, string> } | null {
  const matchers = (Object.keys(operations) as O[]).map((operation) => {
    const parts = splitTemplate(operations[operation].path);
    const source = parts
      .map((part, index) => (index % 2 === 0 ? escapeRegExp(part) : '([^/]+)'))
      .join('');
    const names = parts.filter((_, index) => index % 2 === 1);
    return { operation, pattern: new RegExp(`^${source}$`), names };
  });
  return (method, path) => {
    for (const { operation, pattern, names } of matchers) {
      if (operations[operation].method !== method) continue;
      const match = pattern.exec(path);
      if (!match) continue;
      let values: string[];
      try {
        values = match.slice(1).map((value) => decodeURIComponent(value));
      } catch {
        return null;
      }
      return {
        operation,
        params: Object.fromEntries(names.map((name, i) => [name, values[i] ?? ''])),
      };
    }
    return null;
  };
}
