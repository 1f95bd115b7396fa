import { type AppError, type ErrorCode } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import { maskThenCut } from '../logging/redact';
import { RESPONSE_TOO_LARGE } from './response-limit';

/**
 * What kind of transport failure happened, whichever stack (Node or Chromium) reported it.
 * 'redirect' and 'too-large' are answers, not lost requests: the peer (or a proxy) did reply.
 */
export type TransportFailureKind =
  | 'dns'
  | 'refused'
  | 'reset'
  | 'timeout'
  | 'tls'
  | 'proxy-auth'
  | 'bad-port'
  | 'redirect'
  | 'too-large'
  | 'other';

/** A classified transport failure; `detail` is the low-level code or message, secret-free. */
export interface TransportFailure {
  kind: TransportFailureKind;
  detail: string;
}

// Node's fetch (undici) reports POSIX/OpenSSL codes on `error.cause`; Electron's net.fetch
// reports Chromium's `net::ERR_*` names in the message. Both map to the same kinds.
const RULES: ReadonlyArray<{ kind: TransportFailureKind; pattern: RegExp }> = [
  { kind: 'too-large', pattern: new RegExp(`^${RESPONSE_TOO_LARGE}$`) },
  {
    // Electron's net.fetch rejects a 3xx with these instead of returning it
    // (electron/electron#43715); undici says "unexpected redirect" under `redirect: 'error'`.
    kind: 'redirect',
    pattern: /^Redirect was cancelled$|^Attempted to redirect|unexpected redirect/,
  },
  {
    kind: 'timeout',
    pattern: /ETIMEDOUT|ECONNABORTED|UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT|ERR_TIMED_OUT|timeout/i,
  },
  { kind: 'dns', pattern: /ENOTFOUND|EAI_AGAIN|ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/ },
  {
    kind: 'refused',
    pattern: /ECONNREFUSED|ERR_CONNECTION_REFUSED|EHOSTUNREACH|ENETUNREACH|ERR_ADDRESS_UNREACHABLE/,
  },
  {
    kind: 'proxy-auth',
    pattern:
      /ERR_(UNEXPECTED_)?PROXY_AUTH|ERR_TUNNEL_CONNECTION_FAILED|Proxy Authentication Required|\b407\b/,
  },
  {
    kind: 'tls',
    pattern:
      /CERT|SSL|TLS|self[- ]signed|ERR_BAD_SSL|unable to (get|verify)|DEPTH_ZERO|UNABLE_TO_VERIFY|ERR_SSL|altname/i,
  },
  {
    kind: 'reset',
    pattern:
      /ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed|ERR_CONNECTION_(RESET|CLOSED)|ERR_EMPTY_RESPONSE|socket hang up/i,
  },
  { kind: 'bad-port', pattern: /bad port|ERR_UNSAFE_PORT/i },
];

function describeParts(error: unknown): string[] {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const record = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof record.code === 'string') parts.push(record.code);
    if (typeof record.message === 'string') parts.push(record.message);
    current = record.cause;
  }
  if (typeof error === 'string') parts.push(error);
  return parts;
}

/** Classifies a thrown transport error (axios, undici or Chromium net) into one kind. */
export function classifyTransportError(error: unknown): TransportFailure {
  const parts = describeParts(error);
  // The innermost cause names the real failure; axios's outer "Network Error" says nothing.
  const ordered = [...parts].reverse();
  for (const rule of RULES) {
    const hit = ordered.find((part) => rule.pattern.test(part));
    if (hit !== undefined) return { kind: rule.kind, detail: maskThenCut(hit, 300) };
  }
  return { kind: 'other', detail: maskThenCut(parts.at(-1) ?? 'unknown error', 300) };
}

const KIND_TO_ERROR: Record<
  TransportFailureKind,
  { code: ErrorCode; message: (what: string) => string; hint: string; retryable: boolean }
> = {
  dns: {
    code: 'NET_DNS',
    message: (what) => `Could not find ${what}: the host name did not resolve.`,
    hint: 'Check your internet connection and DNS. On a corporate network, check that the host is not blocked.',
    retryable: true,
  },
  refused: {
    code: 'NET_REFUSED',
    message: (what) => `${what} refused the connection.`,
    hint: 'Check the address and port, and that a firewall or proxy is not blocking the connection.',
    retryable: true,
  },
  reset: {
    code: 'NET_RESET',
    message: (what) => `The connection to ${what} was closed before it answered.`,
    hint: 'Try again. If it keeps happening, a proxy or firewall may be cutting the connection.',
    retryable: true,
  },
  timeout: {
    code: 'NET_TIMEOUT',
    message: (what) => `${what} did not answer in time.`,
    hint: 'Try again. If it keeps happening, check your network or proxy settings.',
    retryable: true,
  },
  tls: {
    code: 'NET_TLS',
    message: (what) => `The secure connection to ${what} failed: its certificate was not accepted.`,
    hint: 'If your network inspects TLS traffic (a TLS-inspecting proxy), its root certificate must be trusted by this computer. Otherwise check the system clock and the address.',
    retryable: false,
  },
  'proxy-auth': {
    code: 'NET_PROXY_AUTH',
    message: (what) => `Your proxy asked for authentication before connecting to ${what}.`,
    hint: 'Sign in to your proxy (or ask IT to allow this app), then try again.',
    retryable: false,
  },
  'bad-port': {
    code: 'NET_FAILED',
    message: (what) => `The port used for ${what} is one browsers refuse to connect to.`,
    hint: 'Use the standard https port (443) or another port that is not on the unsafe list.',
    retryable: false,
  },
  redirect: {
    code: 'NET_REDIRECTED',
    message: (what) =>
      `${what}, or a proxy between this computer and ${what}, answered with a redirect instead of carrying out the request.`,
    hint: 'A proxy, captive portal or single sign-on gateway may be intercepting the connection. Sign in to the network if it asks, or ask IT to let this app reach the API directly, then try again.',
    retryable: false,
  },
  'too-large': {
    code: 'NET_RESPONSE_TOO_LARGE',
    message: (what) =>
      `The answer from ${what} was larger than the app accepts, so it stopped reading it.`,
    hint: 'Something between this computer and the server may be answering instead (a proxy or filter page), or the request asked for too much at once. Try again with a narrower search; if it keeps happening, report it.',
    retryable: false,
  },
  other: {
    code: 'NET_FAILED',
    message: (what) => `Could not reach ${what}.`,
    hint: 'Check your network connection and try again.',
    retryable: true,
  },
};

/** The user-facing error for a kind of transport failure; `what` names the peer ("Stytch"). */
export function appErrorForKind(kind: TransportFailureKind, what: string): AppError {
  const entry = KIND_TO_ERROR[kind];
  return {
    code: entry.code,
    message: entry.message(what),
    hint: entry.hint,
    retryable: entry.retryable,
  };
}

/** Turns a transport failure into the user-facing error; `what` names the peer ("Stytch"). */
export function transportAppError(error: unknown, what: string): AppError {
  return appErrorForKind(classifyTransportError(error).kind, what);
}

// An answer too large to read may be a write's success (the write happened); a redirect is an
// answer instead of the request (it did not).
const AMBIGUOUS_TRANSPORT: ReadonlySet<TransportFailureKind> = new Set([
  'timeout',
  'reset',
  'too-large',
  'other',
]);

/** A request that got no answer to read, as one attempt of a call sees it. */
export interface FailedTransport {
  error: AppError;
  /** The request may have taken effect (timeout, reset, a body too large to read). */
  ambiguous: boolean;
  /** Only a reset is worth repeating at once; the rest would fail the same way. */
  retryable: boolean;
}

/**
 * Classifies a thrown transport error, logs it (`event`, with `fields` such as the operation and
 * attempt, and the kind and low-level detail, secret-free) and words it for a person.
 */
export function failedTransport(
  error: unknown,
  peerName: string,
  log: { logger: Logger; event: string; fields: Record<string, unknown> },
): FailedTransport {
  const failure = classifyTransportError(error);
  log.logger.warn(log.event, { ...log.fields, kind: failure.kind, detail: failure.detail });
  return {
    error: appErrorForKind(failure.kind, peerName),
    ambiguous: AMBIGUOUS_TRANSPORT.has(failure.kind),
    retryable: failure.kind === 'reset',
  };
}
