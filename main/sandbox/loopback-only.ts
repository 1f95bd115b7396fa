import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What keeps the sandbox's servers the app's own. They listen on 127.0.0.1, which every user of
 * this computer can reach, and a web page can reach too once it rebinds its own host name to
 * 127.0.0.1. So each server answers only requests addressed to loopback by name (a rebound page
 * sends its own name as Host), and the servers nothing else authenticates (the identity and
 * Graph stand-ins) answer only under a random per-run path segment that only the app is told.
 */

/** The names a request to this computer's loopback carries in Host, each with the port. */
const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** Compares a presented secret with an accepted one in constant time (for equal lengths). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether `host` (a Host header) names loopback with the port the server listens on. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  const named = (host ?? '').toLowerCase();
  return LOOPBACK_NAMES.some((name) => named === `${name}:${port}`);
}

/**
 * Answers 421 Misdirected Request, and says so, when the request's Host is not loopback with the
 * port it arrived on; the caller then stops.
 */
export function refusedHost(request: IncomingMessage, response: ServerResponse): boolean {
  if (isLoopbackHost(request.headers.host, request.socket.localPort ?? 0)) return false;
  response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  response.end('This sandbox server answers only the app on this computer.');
  return true;
}

/** A new per-run path segment: 128 random bits, URL-safe. */
export function newRunKey(): string {
  return randomBytes(16).toString('base64url');
}

/** The path after a leading `/<key>` segment, or null when the path does not start with it. */
export function pathAfterKey(pathname: string, key: string): string | null {
  const [, segment = '', ...rest] = pathname.split('/');
  if (!sameSecret(segment, key)) return null;
  return `/${rest.join('/')}`;
}
