import { classifyTransportError, type TransportFailure } from '../http/transport-error';
import { MAX_BODY_BYTES } from './read-body';

/** An answer the probe stopped reading: longer than it reads, or not over within the time limit. */
export type UnreadAnswer = 'too-large' | 'unfinished';

/**
 * Why an exchange has no reply: a transport failure, or one only the probe tells apart. For the
 * probe's own kinds `detail` is already in words, the end of a sentence about the server
 * ("… sent more than 1 MiB, so …").
 */
export type ExchangeFailure =
  TransportFailure | { kind: UnreadAnswer | 'hidden-redirect'; detail: string };

const MIB = MAX_BODY_BYTES / (1024 * 1024);

/** What to do about an answer the probe stopped reading, for the check's fix. */
export const UNREAD_ANSWER_FIX: Readonly<Record<UnreadAnswer, string>> = {
  'too-large':
    'A SCIM answer is small JSON: an empty list, an error or one user is well under a kilobyte. Find out what makes the server send this much here: a filter it ignores, an error or debug page that streams, or a proxy in between.',
  unfinished:
    'A SCIM answer must arrive whole and promptly. Check whether the server, or a proxy in front of it, holds the connection open or sends the answer a little at a time.',
};

/** The failure for an answer the probe stopped reading after `timeoutMs` at most. */
export function unreadAnswer(kind: UnreadAnswer, timeoutMs: number): ExchangeFailure {
  return kind === 'too-large'
    ? {
        kind,
        detail: `sent more than ${MIB} MiB, so the assistant stopped reading and closed the connection`,
      }
    : {
        kind,
        detail: `did not finish sending its answer within ${timeoutMs} ms, so the assistant stopped waiting and closed the connection`,
      };
}

/** The failure as the end of a sentence about the server, for short messages. */
export function failureWords(failure: ExchangeFailure): string {
  switch (failure.kind) {
    case 'too-large':
    case 'unfinished':
    case 'hidden-redirect':
      return failure.detail;
    default:
      return `could not be reached (${failure.kind}: ${failure.detail})`;
  }
}

/** True for an answer the probe stopped reading. */
export function isUnreadAnswer(
  failure: ExchangeFailure | null,
): failure is { kind: UnreadAnswer; detail: string } {
  return failure?.kind === 'too-large' || failure?.kind === 'unfinished';
}

/**
 * Classifies a rejected fetch: a redirect the network stack would not show, or a transport
 * failure. Electron's net.fetch cannot hand back a 3xx when told `redirect: 'manual'`: it rejects
 * instead (electron/electron#43715), so neither the status nor the Location is known; Node's
 * fetch returns the 3xx itself.
 */
export function fetchFailure(error: unknown): ExchangeFailure {
  const failure = classifyTransportError(error);
  if (failure.kind !== 'redirect') return failure;
  return {
    kind: 'hidden-redirect',
    detail: 'answered with a redirect (3xx) whose target this app cannot see',
  };
}
