import type { FetchLike } from '../main/http/create-http-client';
import { createLogger } from '../main/logging/logger';
import type { ListConnectionMembers } from '../main/provisioning-watch/provisioning-watch';
import type { RunningSandbox } from '../main/sandbox/sandbox';
import { connectionMembers } from '../main/stytch/connection-members';
import { RETRY_POLICIES, SYSTEM_CLOCK, type RetryClock } from '../main/http/retry';
import { DEFAULT_TIMEOUTS, StytchClient } from '../main/stytch/stytch-client';
import { StytchTransport } from '../main/stytch/stytch-transport';
import { entraUser } from '../test/support/scim-users';

/** The benches measure the watch, not logging. */
export const SILENT = createLogger(() => undefined);

/**
 * The app's Stytch client for a sandbox, built as StytchSession builds it for sandbox mode: the
 * app's timeouts and retry policy, over `fetchVia`. `clock` times retries only.
 */
export function appStytchClient(
  sandbox: Pick<RunningSandbox, 'apiBaseUrl' | 'projectId' | 'secret'>,
  fetchVia: FetchLike,
  clock: RetryClock = SYSTEM_CLOCK,
): StytchClient {
  const transport = new StytchTransport({
    fetch: fetchVia,
    baseUrl: sandbox.apiBaseUrl,
    credentials: { projectId: sandbox.projectId, secret: sandbox.secret },
    peerName: 'the Stytch sandbox',
    defaultTimeoutMs: DEFAULT_TIMEOUTS.readMs,
    retry: RETRY_POLICIES.stytch,
    clock,
    logger: SILENT,
  });
  return new StytchClient(transport, DEFAULT_TIMEOUTS);
}

/** The watch's `listMembers` as main/composition.ts wires it (`connectionMembers` over the client). */
export function appListMembers(
  sandbox: RunningSandbox,
  fetchVia: FetchLike,
  clock: RetryClock = SYSTEM_CLOCK,
): ListConnectionMembers {
  const client = appStytchClient(sandbox, fetchVia, clock);
  return ({ organizationId, connectionId }) =>
    connectionMembers(client, organizationId, connectionId);
}

/** An organization with an Entra SCIM connection in the sandbox, as Entra is configured with it. */
export interface BenchConnection {
  organizationId: string;
  connectionId: string;
  tenantUrl: string;
  token: string;
}

/** Adds an organization and its SCIM connection to the stand-in (as the connection step does). */
export function benchConnection(sandbox: RunningSandbox, name: string): BenchConnection {
  const organizationId = sandbox.state.addOrganization({
    organization_name: name,
    organization_slug: name.toLowerCase().replace(/\s+/g, '-'),
  });
  const connection = sandbox.state.createConnection(organizationId, {
    display_name: 'Entra',
    identity_provider: 'microsoft-entra',
  });
  return {
    organizationId,
    connectionId: connection.connection_id,
    tenantUrl: connection.base_url,
    token: connection.bearer_token,
  };
}

/**
 * Sends one SCIM request to the connection's endpoint as Entra does (base_url's query dropped)
 * and answers the body; throws on anything but 2xx, so a bench never measures a refused write.
 */
export async function scimWrite(
  connection: BenchConnection,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Record<string, unknown> | null> {
  const url = new URL(connection.tenantUrl);
  const response = await fetch(`${url.origin}${url.pathname}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${connection.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`SCIM ${method} ${path} answered ${response.status}`);
  return text === '' ? null : (JSON.parse(text) as Record<string, unknown>);
}

/** Creates a user as Entra's POST /Users does and answers its SCIM id. */
export async function createScimUser(
  connection: BenchConnection,
  userName: string,
  externalId: string,
): Promise<string> {
  const created = await scimWrite(connection, 'POST', '/Users', entraUser(userName, externalId));
  const id = created?.id;
  if (typeof id !== 'string') throw new Error(`SCIM POST /Users for ${userName} answered no id`);
  return id;
}

/** Entra's PATCH of one attribute (`active`, `displayName`, …). */
export function replacePatch(path: string, value: unknown) {
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', path, value }],
  };
}
