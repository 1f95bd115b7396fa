import express, { type Request } from 'express';

import { FAULT_TOKEN, faultyScimApp, type Override } from './fault-servers';
import type { ScimDirectory } from './scim-test-server';
import { startHttp, type RunningServer } from './servers';

/** Parses SCIM JSON bodies in front of a fault, so it can pick requests by what they carry. */
export const parseJson = express.json({ type: ['application/scim+json', 'application/json'] });

/** A PATCH body's operations, as the fault sees them (parsed by `parseJson`). */
export type Operation = { op?: string; path?: string; value?: unknown };

export function operationsOf(request: Request): Operation[] {
  const body = request.body as { Operations?: Operation[] } | undefined;
  return Array.isArray(body?.Operations) ? body.Operations : [];
}

/** True for a PATCH of one user (not of a group). */
export const isUserPatch = (request: Request): boolean =>
  request.method === 'PATCH' && /^\/Users\/[^/]+$/.test(request.path);

/**
 * A real scimmy server with one defect in front of it, which `fault` builds; it may look at the
 * server's directory (read when a request arrives, so it sees what the server holds then).
 */
export async function startWithFault(
  fault: (directory: () => ScimDirectory) => Override,
): Promise<RunningServer> {
  let held: ScimDirectory | null = null;
  const directory = (): ScimDirectory => {
    if (held === null) throw new Error('no directory yet');
    return held;
  };
  const built = faultyScimApp(express.Router().use(parseJson, fault(directory)));
  held = built.directory;
  return startHttp(built.app);
}

/** What the server holds afterwards, asked the way any SCIM client would: list both collections. */
export async function remaining(server: RunningServer): Promise<{ users: number; groups: number }> {
  const count = async (collection: string): Promise<number> => {
    const response = await fetch(`${server.origin}/scim/${collection}`, {
      headers: { authorization: `Bearer ${FAULT_TOKEN}` },
    });
    return ((await response.json()) as { totalResults: number }).totalResults;
  };
  return { users: await count('Users'), groups: await count('Groups') };
}
