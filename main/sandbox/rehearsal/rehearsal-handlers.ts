import { appFailure } from '../../../shared/errors';
import type { AppMode } from '../../../shared/ipc';
import type { FeatureHandlers } from '../../ipc/dispatch';
import type { ProvisioningWatch } from '../../provisioning-watch/provisioning-watch';
import type { Secrets } from '../../secrets/secrets';
import { connectionTenantUrl, type ConnectionLookup } from '../../stytch/connection-tenant-url';
import type { Rehearsals, RehearsalTarget, SandboxEndpoint } from './rehearsals';

/** What the rehearsal:* handlers use (a slice of `Services`). */
export interface RehearsalServices {
  /**
   * The connected project (`StytchSession` fits): whether it is the local sandbox, and its client,
   * which says where the connection's SCIM endpoint is.
   */
  stytch: ConnectionLookup & { project(): { mode: AppMode } | null };
  secrets: Pick<Secrets, 'readToken'>;
  rehearsals: Pick<Rehearsals, 'view' | 'run'>;
  watch: Pick<ProvisioningWatch, 'refresh'>;
}

function sandboxOnly() {
  return appFailure(
    'SANDBOX_ONLY',
    'The provisioning rehearsal runs only in sandbox mode: the simulated Entra never sends to a real SCIM endpoint.',
    'Start the local sandbox from the first step to rehearse. With a real project, use Provision on demand in Entra itself.',
  );
}

/** Refuses before anything is read or sent unless this run is connected to the local sandbox. */
function assertSandbox(services: RehearsalServices): void {
  if (services.stytch.project()?.mode !== 'sandbox') throw sandboxOnly();
}

function isLoopback(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * The connection's Tenant URL as Stytch (the sandbox) holds it, with Entra's flag, and its token
 * from the keychain, read when the connection's simulated job starts. Main decides where the
 * token goes; a base_url off this computer is refused even in sandbox mode.
 */
async function sandboxEndpoint(
  services: RehearsalServices,
  target: RehearsalTarget,
): Promise<SandboxEndpoint> {
  const tenantUrl = await connectionTenantUrl(
    services.stytch,
    target.organizationId,
    target.connectionId,
    'rehearse with',
  );
  if (!isLoopback(tenantUrl)) throw sandboxOnly();
  const token = await services.secrets.readToken({
    kind: 'scim-token',
    connectionId: target.connectionId,
  });
  return { tenantUrl, token };
}

/** The rehearsal:* channels: step 7's simulated Entra, in sandbox mode. */
export const rehearsalHandlers = {
  /** The demo directory, the simulated job's state and its log, for this connection. */
  'rehearsal:get': (request, services) => {
    assertSandbox(services);
    return services.rehearsals.view(request);
  },

  /**
   * Runs one action of the simulated Entra against the connection's sandbox SCIM endpoint, then
   * has the watch look at Stytch at once, so the members it wrote show up without waiting.
   */
  'rehearsal:run': async (request, services) => {
    assertSandbox(services);
    const target = { organizationId: request.organizationId, connectionId: request.connectionId };
    const outcome = await services.rehearsals.run(target, request.action, () =>
      sandboxEndpoint(services, target),
    );
    await services.watch.refresh();
    return outcome;
  },
} satisfies FeatureHandlers<RehearsalServices>;
