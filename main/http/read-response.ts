import type { z } from 'zod';

import type { AppError } from '../../shared/errors';
import { appErrorForKind } from './transport-error';

// Node's fetch hands these back under `redirect: 'manual'`; Electron's net.fetch rejects them
// instead, and classifyTransportError names that 'redirect' too, so both stacks say the same.
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * The error for an answer that is not the API's at all: a proxy asking for authentication (407)
 * or a redirect (a proxy, captive portal or sign-on gateway). Null for any other status.
 */
function answeredInstead(status: number, peerName: string): AppError | null {
  if (status === 407) return appErrorForKind('proxy-auth', peerName);
  if (REDIRECT_STATUSES.has(status)) return appErrorForKind('redirect', peerName);
  return null;
}

/**
 * A body read as text, parsed as JSON. `blankIsAbsent`: an empty body (a 204's) and one already
 * parsed are accepted as they are (Graph); otherwise only text that parses is JSON (Stytch).
 */
function readJsonText(
  data: unknown,
  blankIsAbsent: boolean,
): { ok: true; value: unknown } | { ok: false } {
  if (typeof data !== 'string') return blankIsAbsent ? { ok: true, value: data } : { ok: false };
  if (blankIsAbsent && data.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(data) as unknown };
  } catch {
    return { ok: false };
  }
}

/** What an answer holds, before the API's own reading of it. */
export type AnswerBody =
  { kind: 'instead'; error: AppError } | { kind: 'json'; value: unknown } | { kind: 'not-json' };

/**
 * The first reading of every answer, Stytch's and Graph's: the error for one that is not the
 * API's at all (proxy challenge, redirect), else its body as JSON or not JSON (see readJsonText
 * for `blankIsAbsent`).
 */
export function readAnswer(
  response: { status: number; data: unknown },
  peerName: string,
  blankIsAbsent: boolean,
): AnswerBody {
  const instead = answeredInstead(response.status, peerName);
  if (instead) return { kind: 'instead', error: instead };
  const json = readJsonText(response.data, blankIsAbsent);
  return json.ok ? { kind: 'json', value: json.value } : { kind: 'not-json' };
}

/** The first five fields a success's body was missing or had wrong, for a message. */
export function invalidFields(issues: readonly z.core.$ZodIssue[]): string {
  const fields = [...new Set(issues.map((issue) => issue.path.join('.') || '(body)'))];
  return fields.slice(0, 5).join(', ');
}
