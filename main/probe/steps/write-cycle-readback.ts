import type { ProbeStatus } from '../../../shared/probe/report';
import type { Exchange, ScimCall } from '../scim-exchange';
import { answerOf } from './record';
import type { Cycle, Verdict } from './write-cycle-recorder';

/**
 * Reading back after a write. A 2xx only says the server took the request; Entra believes it
 * and does not send the change again, so a write that changed nothing leaves the directory
 * wrong until someone notices. Each write is followed by a GET and a comparison, and a mismatch
 * is reported with what it costs in Entra.
 */

/** A resource as read back: plain JSON. */
export type Json = Record<string, unknown>;

export const isJson = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** One step down a path: a key of an object, or an index of an array. */
const step = (at: unknown, key: string): unknown =>
  Array.isArray(at) ? (at as unknown[])[Number(key)] : isJson(at) ? at[key] : undefined;

/** `resource.a.0.b`, for a dotted attribute path; undefined when any part is missing. */
export function valueAt(resource: Json, path: string): unknown {
  return path.split('.').reduce<unknown>(step, resource);
}

/** A value as a message quotes it; "missing" when there is none. */
export const quoted = (value: unknown): string =>
  value === undefined ? 'missing' : JSON.stringify(value);

/** One expectation about the resource read back: null when met, else what is wrong. */
export type Expectation = (resource: Json) => string | null;

/** The attribute at `path` must equal `expected`; `consequence` says what Entra is left believing. */
export const expectValue =
  (path: string, expected: unknown, consequence: string): Expectation =>
  (resource) => {
    const found = valueAt(resource, path);
    return found === expected
      ? null
      : `"${path}" reads back as ${quoted(found)}, not ${JSON.stringify(expected)}: ${consequence}`;
  };

/**
 * A path-less replace names sub-attributes with dotted keys (`"name.givenName"`); a server that
 * stores the key as it is has a new top-level attribute and the old given name.
 */
export const expectNoLiteralKey =
  (key: string): Expectation =>
  (resource) =>
    key in resource
      ? `The server stored "${key}" as an attribute of its own instead of updating ${key.split('.')[0]}: Entra will believe the change was made, and will not send it again.`
      : null;

/** What a read-back proves: its line, what to read and what must hold. */
export interface ReadBack {
  label: string;
  call: ScimCall;
  /** What the write was, for the messages ("the legacy PATCH"). */
  after: string;
  expectations: readonly Expectation[];
  problem: ProbeStatus;
  fix: string;
}

/** The resource a read answered with, when it is one. */
export function resourceOf(sent: Exchange): Json | null {
  const json = sent.reply?.json;
  return sent.reply?.status === 200 && isJson(json) ? json : null;
}

/** Reads the resource back and holds it to every expectation; the resource, when there is one. */
export async function readBack(cycle: Cycle, check: ReadBack): Promise<Json | null> {
  const sent = await cycle.send(check.label, check.call, (reply): Verdict => {
    const resource = resourceOf(reply);
    if (resource === null)
      return [check.problem, `Reading back after ${check.after} ${answerOf(reply)}.`, check.fix];
    const wrong = check.expectations.map((expectation) => expectation(resource));
    const problems = wrong.filter((problem) => problem !== null);
    if (problems.length === 0) return ['pass', `Read back after ${check.after}: as sent.`];
    const write = `${check.after.charAt(0).toUpperCase()}${check.after.slice(1)}`;
    return [check.problem, `${write} was accepted, but ${problems.join(' ')}`, check.fix];
  });
  return resourceOf(sent);
}
