import type { ServerResponse } from 'node:http';

import type { Request } from 'express';

import type { ProbeCheckId } from '../../../../shared/probe/report';
import { FAULT_TOKEN, faultyScimApp, isUserQuery } from './fault-servers';
import { startHttp, type RunningServer } from './servers';

/** How a hostile server answers: a huge body, one without end, or one a byte at a time. */
export type Hostility = 'sends 50 MB' | 'streams without end' | 'trickles without end';

const CHUNK = Buffer.alloc(64 * 1024, 0x20);

/**
 * A valid empty ListResponse padded with whitespace: a client that reads it all finds a healthy
 * answer, so only a limit on what it reads can tell this server apart.
 */
const LIST_HEAD = Buffer.from(
  '{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"Resources":[]',
);

/** Paces the endless stream so a client without a limit fills memory slowly, not the machine. */
const ENDLESS_PAUSE_MS = 10;
const TRICKLE_PAUSE_MS = 20;

/** What a hostile server saw: how its floods ended. */
export interface FloodLog {
  /** Answers the client stopped reading (the connection closed before the body ended). */
  cutOff: number;
  /** Answers the client read to the end. */
  readToEnd: number;
}

/** How a flood is sent: how many bytes in all, in what chunks, with what pause between them. */
export interface Pace {
  total: number;
  chunk: Buffer;
  pauseMs: number;
}

/** Answers 200 with a valid empty list padded without end, or to `pace.total` bytes. */
export function flood(
  response: ServerResponse,
  { total, chunk, pauseMs }: Pace,
  log: FloodLog,
): void {
  let sent = 0;
  const next = (): void => {
    if (response.destroyed) return;
    if (sent >= total) {
      response.end('}');
      log.readToEnd += 1;
      return;
    }
    sent += chunk.length;
    const more = response.write(chunk);
    if (pauseMs > 0) setTimeout(next, pauseMs);
    else if (more) setImmediate(next);
    else response.once('drain', next);
  };
  response.once('close', () => {
    if (sent < total) log.cutOff += 1;
  });
  response.writeHead(200, { 'Content-Type': 'application/scim+json' });
  response.write(LIST_HEAD);
  next();
}

/** The pace of each hostility, for the tests. */
export const PACE_OF: Readonly<Record<Hostility, Pace>> = {
  'sends 50 MB': { total: 50 * 1024 * 1024, chunk: CHUNK, pauseMs: 0 },
  'streams without end': { total: Infinity, chunk: CHUNK, pauseMs: ENDLESS_PAUSE_MS },
  'trickles without end': {
    total: Infinity,
    chunk: CHUNK.subarray(0, 1),
    pauseMs: TRICKLE_PAUSE_MS,
  },
};

/** Flat out: as fast as the client reads, `total` bytes (Infinity: without end). */
export function flatOut(total: number): Pace {
  return { total, chunk: CHUNK, pauseMs: 0 };
}

/** One kind of request the probe sends, and the check that sends it. */
export interface RequestKind {
  name: string;
  check: ProbeCheckId;
  writeCycle?: boolean;
  matches(request: Request): boolean;
}

/** True for a request with the catalogue's token. */
export const withToken = (request: Request): boolean =>
  request.headers.authorization === `Bearer ${FAULT_TOKEN}`;

/** True for a user query filtered on `attribute`. */
export function filterOn(request: Request, attribute: string): boolean {
  const filter = request.query.filter;
  return isUserQuery(request) && typeof filter === 'string' && filter.startsWith(attribute);
}

/** Every kind of request the probe sends, each matched the way a server would route it. */
export const REQUEST_KINDS: readonly RequestKind[] = [
  {
    name: 'Test Connection’s user query',
    check: 'test-connection',
    matches: (r) => filterOn(r, 'userName') && withToken(r),
  },
  {
    name: 'the query with a wrong token',
    check: 'auth-enforced',
    matches: (r) => isUserQuery(r) && !withToken(r),
  },
  {
    name: 'the externalId query',
    check: 'external-id-filter',
    matches: (r) => filterOn(r, 'externalId'),
  },
  {
    name: 'Test Connection’s group query',
    check: 'test-connection',
    matches: (r) => r.path === '/Groups',
  },
  {
    name: 'the read of an unknown user',
    check: 'not-found-shape',
    matches: (r) => r.method === 'GET' && r.path.startsWith('/Users/'),
  },
  { name: 'a discovery request', check: 'discovery', matches: (r) => r.path === '/Schemas' },
  {
    name: 'the write cycle’s create',
    check: 'write-cycle',
    writeCycle: true,
    matches: (r) => r.method === 'POST' && r.path === '/Users',
  },
];

/** A correct SCIM server that floods the requests `matches` picks, at the given pace. */
export async function startFlooding(
  matches: (request: Request) => boolean,
  pace: Pace,
): Promise<RunningServer & { log: FloodLog }> {
  const log: FloodLog = { cutOff: 0, readToEnd: 0 };
  const { app } = faultyScimApp((request, response, next) => {
    if (matches(request)) flood(response, pace, log);
    else next();
  });
  return { ...(await startHttp(app)), log };
}

/** A correct SCIM server that answers one kind of request with the given hostility. */
export function startHostile(
  kind: RequestKind,
  how: Hostility,
): Promise<RunningServer & { log: FloodLog }> {
  return startFlooding((request) => kind.matches(request), PACE_OF[how]);
}
