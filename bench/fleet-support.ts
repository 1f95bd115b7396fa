import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FLEET_POLICY, type FleetPolicy } from '../main/fleet/fleet-policy';
import { FleetService } from '../main/fleet/fleet-service';
import type { FetchLike } from '../main/http/create-http-client';
import { nodeTlsConnector } from '../main/probe/tls-connector';
import type { HandedToken } from '../main/sandbox/stytch-stand-in/state';
import { appStytchClient, SILENT } from './watch-support';

/** What a bench needs of a running sandbox: where it is, and the tokens the app "kept". */
export interface FleetTarget {
  apiBaseUrl: string;
  projectId: string;
  secret: string;
  handed: HandedToken[];
}

/**
 * The app's FleetService over a sandbox, wired as main/composition.ts wires it (the app's Stytch
 * client, the probe's transports), with the kept tokens in a map for the keychain and its cache in
 * a temp folder that `cleanUp` removes (each run writes a cache of megabytes there). Every
 * request goes through `fetchVia` (the bench adds its latency there).
 */
export async function benchFleet(
  target: FleetTarget,
  fetchVia: FetchLike,
  policy: FleetPolicy = FLEET_POLICY,
): Promise<{ fleet: FleetService; cleanUp: () => Promise<void> }> {
  const client = appStytchClient(target, fetchVia);
  const tokens = new Map(target.handed.map((handed) => [handed.connectionId, handed.token]));
  const dir = await mkdtemp(join(tmpdir(), 'fleet-bench-'));
  const fleet = new FleetService({
    dir,
    logger: SILENT,
    stytch: {
      project: () => ({ projectId: target.projectId, baseUrl: target.apiBaseUrl, mode: 'sandbox' }),
      client: () => Promise.resolve(client),
    },
    heldConnections: () => Promise.resolve(new Set(tokens.keys())),
    readToken: (handle) => Promise.resolve(tokens.get(handle.connectionId) ?? ''),
    probe: { fetch: fetchVia, connectTls: nodeTlsConnector },
    policy,
  });
  return { fleet, cleanUp: () => rm(dir, { recursive: true, force: true }) };
}

/** `count` organizations, each with a connection whose token the app keeps. */
export function heldSeed(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    organization_name: `Bench ${index}`,
    organization_slug: `bench-${index}`,
    connection: {
      display_name: 'Entra',
      identity_provider: 'microsoft-entra',
      heldByApp: true,
    },
  }));
}
