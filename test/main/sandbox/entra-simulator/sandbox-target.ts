import {
  createEntraSimulator,
  type EntraSimulator,
} from '../../../../main/sandbox/entra-simulator/entra-simulator';
import type { RunningSandbox } from '../../../../main/sandbox/sandbox';
import { guidSequence, recordingFetch, type SentRequest } from './fixtures';

/** A sandbox SCIM connection, as Entra would be configured with it. */
export interface SandboxTarget {
  tenantUrl: string;
  token: string;
  /** Reads a resource list back through the SCIM server (what the simulator wrote). */
  list(resource: 'Users' | 'Groups'): Promise<Record<string, unknown>[]>;
}

let organizations = 0;

/**
 * Creates an organization and a SCIM connection in the sandbox, the way the app's connection step
 * does: `microsoft-entra` connections get `?aadOptscim062020` on their base_url, `generic` ones
 * do not.
 */
export function sandboxTarget(
  sandbox: RunningSandbox,
  identityProvider: 'microsoft-entra' | 'generic',
): SandboxTarget {
  organizations += 1;
  const org = sandbox.state.addOrganization({
    organization_name: `Simulated ${organizations}`,
    organization_slug: `simulated-${organizations}`,
  });
  const connection = sandbox.state.createConnection(org, {
    display_name: 'Entra',
    identity_provider: identityProvider,
  });
  const tenantUrl = connection.base_url;
  const token = connection.bearer_token;
  return {
    tenantUrl,
    token,
    list: async (resource) => {
      const base = new URL(tenantUrl);
      const response = await fetch(`${base.origin}${base.pathname}/${resource}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const json = (await response.json()) as { Resources?: Record<string, unknown>[] };
      return json.Resources ?? [];
    },
  };
}

/** A simulator aimed at a new sandbox connection, recording every request it sends. */
export interface SimulatedEntra {
  target: SandboxTarget;
  simulator: EntraSimulator;
  sent: SentRequest[];
}

/** A new sandbox connection and a simulated Entra job against it, with predictable GUIDs. */
export function simulatedEntra(
  sandbox: RunningSandbox,
  identityProvider: 'microsoft-entra' | 'generic',
): SimulatedEntra {
  const target = sandboxTarget(sandbox, identityProvider);
  const { fetch, sent } = recordingFetch();
  const created = createEntraSimulator({
    tenantUrl: target.tenantUrl,
    token: target.token,
    fetch,
    newGuid: guidSequence(),
  });
  if (!created.ok) throw new Error(created.error.message);
  return { target, simulator: created.simulator, sent };
}
