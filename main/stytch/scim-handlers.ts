import { AppFailure, appFailure } from '../../shared/errors';
import { noticeIfWarned, type EmitEvent, type FeatureHandlers } from '../ipc/dispatch';
import type { ScimConnection } from '../../shared/stytch/api-schemas';
import type { ScimConnectionView } from '../../shared/stytch/views';
import type { TokenSaved } from '../secrets/secrets';
import { connectionView, reconcile, storedTokens } from './connection-view';
import { readGroupRoles, setGroupRolesSafely } from './group-roles';
import { createConnectionSafely, finishRotationSafely, rotateStartSafely } from './safe-writes';
import type { StytchServices } from './stytch-handlers';

/** The identity provider of every connection this app creates (Stytch then adds the Entra flag). */
export const ENTRA_IDENTITY_PROVIDER = 'microsoft-entra';

async function connected(services: StytchServices) {
  const client = await services.stytch.client();
  const project = services.stytch.project();
  if (!project) throw new Error('Stytch session has a client but no project');
  return { client, projectId: project.projectId };
}

/**
 * Keeps a token Stytch just showed once (Create's token, or rotation's next token), filed under its
 * connection and project. The secrets service falls back to memory by itself, so a failure here
 * means even that failed: the user is told the way out, and never to create a second connection.
 */
async function keepShownToken(
  services: StytchServices,
  projectId: string,
  connection: { organization_id: string; connection_id: string },
  token: string,
  step: 'created' | 'rotation',
): Promise<TokenSaved> {
  const owner = {
    projectId,
    organizationId: connection.organization_id,
    connectionId: connection.connection_id,
  };
  try {
    return step === 'created'
      ? await services.secrets.saveCreatedToken(owner, token)
      : await services.secrets.saveNextToken(owner, token);
  } catch (error) {
    const reason =
      error instanceof AppFailure ? ` (${error.appError.message.replace(/\.$/, '')})` : '';
    throw appFailure(
      'SECRET_STORE_UNAVAILABLE',
      step === 'created'
        ? `The SCIM connection was created, but the app could not keep its token${reason}.`
        : `The token rotation was started, but the app could not keep the new token${reason}.`,
      step === 'created'
        ? 'Rotate the token to get a new one once the keychain works again; do not create another connection.'
        : 'Cancel the rotation (the current token keeps working) and start it again once the keychain works.',
    );
  }
}

/**
 * Rotate complete or cancel at Stytch only. Its last four tell a retried call that already
 * landed: the next token's for complete, the current one's for cancel. The tokens here are
 * settled separately ({@link settleRotationHere}): a rotation across Stytch and Entra completes
 * at Stytch first and keeps the old token until Entra has proven the new one (main/rotation/).
 */
export async function endRotationAtStytch(
  step: 'complete' | 'cancel',
  request: { organizationId: string; connectionId: string },
  services: StytchServices,
): Promise<ScimConnection> {
  const client = await services.stytch.client();
  const { connectionId, organizationId } = request;
  const survivor = await services.secrets.status({
    kind: step === 'complete' ? 'scim-next-token' : 'scim-token',
    connectionId,
  });
  return finishRotationSafely(client, organizationId, connectionId, step, survivor.last4);
}

/** The tokens here after Stytch's complete (the next one becomes current) or cancel (it goes). */
export async function settleRotationHere(
  step: 'complete' | 'cancel',
  connection: ScimConnection,
  services: StytchServices,
  emit: EmitEvent,
): Promise<ScimConnectionView> {
  const { connection_id: connectionId } = connection;
  const settled =
    step === 'complete'
      ? await services.secrets.completeRotation(connectionId)
      : await services.secrets.cancelRotation(connectionId);
  noticeIfWarned(emit, settled.keychainWarning);
  return connectionView(connection, await storedTokens(services.secrets, connection));
}

/** Rotate complete or cancel: one token survives, at Stytch and then here. */
async function endRotation(
  step: 'complete' | 'cancel',
  request: { organizationId: string; connectionId: string },
  services: StytchServices,
  emit: EmitEvent,
) {
  const done = await endRotationAtStytch(step, request, services);
  return { connection: await settleRotationHere(step, done, services, emit) };
}

/** The scim:* channels: the organization's SCIM connection and its tokens. */
export const scimHandlers = {
  /** The org's connection (or null), with where its tokens are. */
  'scim:getConnection': async (request, services) => {
    const client = await services.stytch.client();
    const connection = await client.getConnection(request.organizationId);
    if (!connection) return { connection: null };
    return {
      connection: connectionView(connection, await storedTokens(services.secrets, connection)),
    };
  },

  /**
   * Create for Microsoft Entra, sent once (see safe-writes.ts). The token is kept before anything
   * is returned; the answer carries only where it went.
   */
  'scim:createConnection': async (request, services) => {
    const { client, projectId } = await connected(services);
    const created = await createConnectionSafely(client, request.organizationId, {
      displayName: request.displayName,
      identityProvider: ENTRA_IDENTITY_PROVIDER,
    });
    const saved = await keepShownToken(
      services,
      projectId,
      created,
      created.bearer_token,
      'created',
    );
    return {
      connection: connectionView(created, { token: saved.token, nextToken: null }),
      keychainWarning: saved.keychainWarning,
    };
  },

  /** A next token, kept before anything is returned; the current one still works. */
  'scim:rotateStart': async (request, services) => {
    const { client, projectId } = await connected(services);
    const started = await rotateStartSafely(client, request.organizationId, request.connectionId);
    const saved = await keepShownToken(
      services,
      projectId,
      started,
      started.next_bearer_token,
      'rotation',
    );
    const current = await services.secrets.status({
      kind: 'scim-token',
      connectionId: started.connection_id,
    });
    return {
      connection: connectionView(started, {
        token: reconcile(current, started.bearer_token_last_four),
        nextToken: saved.token,
      }),
      keychainWarning: saved.keychainWarning,
    };
  },

  /** The next token becomes the only valid one, at Stytch and here. */
  'scim:rotateComplete': (request, services, emit) =>
    endRotation('complete', request, services, emit),

  /** The next token is dropped, at Stytch and here; the current one stays. */
  'scim:rotateCancel': (request, services, emit) => endRotation('cancel', request, services, emit),

  /** Deletes at Stytch, then the tokens here. */
  'scim:deleteConnection': async (request, services, emit) => {
    const client = await services.stytch.client();
    const deleted = await client.deleteConnection(request.organizationId, request.connectionId);
    const dropped = await services.secrets.deleteConnection(request.connectionId);
    noticeIfWarned(emit, dropped.keychainWarning);
    return { deleted: true as const, connectionId: deleted.connectionId };
  },

  /** The connection's SCIM groups with their roles, and the project's roles to choose from. */
  'scim:getGroupRoles': async (request, services) => {
    const client = await services.stytch.client();
    return readGroupRoles(client, request.organizationId, request.connectionId);
  },

  /** Maps groups to roles; the members' roles change, so the watch looks sooner. */
  'scim:setGroupRoles': async (request, services) => {
    const client = await services.stytch.client();
    const write = () =>
      setGroupRolesSafely(client, request.organizationId, request.connectionId, request.changes);
    const assignments = services.watch
      ? await services.watch.around(request.organizationId, write)
      : await write();
    return { assignments };
  },
} satisfies FeatureHandlers<StytchServices>;
