import { contosoUser, type ContosoPerson } from './contoso';
import type { FetchLike } from '../http/create-http-client';
import { startGraphStandIn, type RunningGraphStandIn } from './graph-stand-in/graph-stand-in';
import { SANDBOX_TENANT_ID, SANDBOX_TENANT_NAME } from './graph-stand-in/tenant';
import { IdentityStandIn } from './identity-stand-in/identity-stand-in';
import { FABRIKAM_TENANT, type StandInTenant, type StandInUser } from './identity-stand-in/tokens';
import type { SandboxMicrosoftLink } from '../microsoft-sign-in/microsoft-session';

/**
 * Time between the sandbox's simulated provisioning cycles. Entra's is 40 minutes; the sandbox's
 * is short so the admin sees cycles happen, and the job's `schedule.interval` says so (PT20S).
 */
export const SANDBOX_CYCLE_INTERVAL_MS = 20_000;

/** The client ID sign-in uses in sandbox mode; the stand-in has no app registrations to check. */
export const SANDBOX_CLIENT_ID = '5a0c3f7e-9b1d-4c2e-8f3a-6d7b8c9e0f1a';

/** A Contoso user as an account the identity stand-in signs in, with the admin role they hold. */
function signInAccount(key: ContosoPerson, adminRole: string | null): StandInUser {
  const user = contosoUser(key);
  return {
    oid: user.objectId,
    tid: SANDBOX_TENANT_ID,
    username: user.userPrincipalName,
    name: user.displayName ?? user.userPrincipalName,
    adminRole,
  };
}

/** The sandbox's tenant as the identity stand-in knows it (ID, primary domain, name). */
export const SANDBOX_TENANT: StandInTenant = {
  id: SANDBOX_TENANT_ID,
  domain: 'contoso.onmicrosoft.com',
  name: SANDBOX_TENANT_NAME,
};

/**
 * Contoso's Adele may do every step; Megan holds no admin role, so Graph refuses her admin-only
 * calls. Both are users of the Graph stand-in's tenant, so the pickers find them too. Lidia is a
 * consultant from Fabrikam invited into Contoso as a guest with an admin role: signing in at
 * Contoso's authority gives her a token for Contoso (her guest object there), her home account
 * stays Fabrikam's.
 */
export const SANDBOX_ACCOUNTS = {
  adele: signInAccount('adele', 'Application Administrator'),
  megan: signInAccount('megan', null),
  guest: {
    oid: '7d3e5f60-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
    tid: SANDBOX_TENANT_ID,
    username: 'lidia_fabrikam.com#EXT#@contoso.onmicrosoft.com',
    name: 'Lidia Holloway (Fabrikam, guest)',
    adminRole: 'Application Administrator',
    home: { oid: '0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f', tid: FABRIKAM_TENANT.id },
  },
} satisfies Record<string, StandInUser>;

/** How to start the sandbox's Microsoft side. */
export interface SandboxMicrosoftOptions {
  /** Default {@link SANDBOX_CYCLE_INTERVAL_MS}. */
  cycleIntervalMs?: number;
  /** What the simulated provisioning engine calls SCIM endpoints with (Node's fetch by default). */
  fetch?: FetchLike;
  /** The sandbox's SCIM server, the one origin the Graph stand-in's jobs may provision to. */
  scimOrigin?: string;
  now?: () => Date;
}

/**
 * The sandbox's Microsoft identity platform and Graph, tied together: what sign-in needs of them
 * (the link's client ID, tenant, MSAL network hook, authorize page and Graph base URL), plus the
 * running stand-ins.
 */
export interface SandboxMicrosoft extends SandboxMicrosoftLink {
  identity: IdentityStandIn;
  graph: RunningGraphStandIn;
  stop(): Promise<void>;
}

/**
 * Starts the identity stand-in and the Graph stand-in for "Contoso (sandbox)": a token the
 * identity stand-in issues is accepted by Graph with exactly its scopes and its user's role.
 */
export async function startSandboxMicrosoft(
  options: SandboxMicrosoftOptions = {},
): Promise<SandboxMicrosoft> {
  const identity = await IdentityStandIn.start({
    accounts: [SANDBOX_ACCOUNTS.adele, SANDBOX_ACCOUNTS.megan, SANDBOX_ACCOUNTS.guest],
    tenantName: SANDBOX_TENANT_NAME,
    tenants: [SANDBOX_TENANT, FABRIKAM_TENANT],
    ...(options.now ? { now: options.now } : {}),
  });
  let graph: RunningGraphStandIn;
  try {
    graph = await startGraphStandIn({
      cycleIntervalMs: options.cycleIntervalMs ?? SANDBOX_CYCLE_INTERVAL_MS,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.scimOrigin === undefined ? {} : { scimOrigin: options.scimOrigin }),
      verifyToken: (bearer) => {
        const grant = identity.verifyAccessToken(bearer);
        return grant && { scopes: grant.scope, isAdmin: grant.user.adminRole !== null };
      },
    });
  } catch (error) {
    await identity.close();
    throw error;
  }
  return {
    clientId: SANDBOX_CLIENT_ID,
    tenantId: SANDBOX_TENANT_ID,
    tenantName: SANDBOX_TENANT_NAME,
    networkClient: identity.networkClient(),
    browserUrl: (authorizeUrl) => identity.browserUrl(authorizeUrl),
    graphBaseUrl: graph.baseUrl,
    identity,
    graph,
    stop: async () => {
      await graph.stop();
      await identity.close();
    },
  };
}
