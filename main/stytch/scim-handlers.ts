import { AppFailure, appFailure } from '../../shared/errors';
import type { Handler } from '../ipc/dispatch';
import { connectionView, reconcile, storedTokens } from './connection-view';
import { createConnectionSafely, finishRotationSafely, rotateStartSafely } from './safe-writes';
import type { TokenSaved } from './secret-ports';
import { noticeIfWarned, type StytchServices } from './stytch-handlers';

/** The identity provider of every connection this app creates (Stytch then adds the Entra flag). */
export const ENTRA_IDENTITY_PROVIDER = 'microsoft-entra';

async function connected(services: StytchServices) {
  const client = await services.stytch.client();
  const project = services.stytch.project();
  if (!project) throw new Error('Stytch session has a client but no project');
  return { client, projectId: project.projectId };
}

/**
 * Saving a token Stytch showed once must not fail silently: the keeper falls back to memory by
 * itself, so reaching this means even that failed. The user is told the way out.
 */
async function keepOrExplain(
  save: () => Promise<TokenSaved>,
  what: 'created' | 'rotation',
): Promise<TokenSaved> {
  try {
    return await save();
  } catch (error) {
    const reason =
      error instanceof AppFailure ? ` (${error.appError.message.replace(/\.$/, '')})` : '';
    throw appFailure(
      'SECRET_STORE_UNAVAILABLE',
      what === 'created'
        ? `The SCIM connection was created, but the app could not keep its token${reason}.`
        : `The token rotation was started, but the app could not keep the new token${reason}.`,
      what === 'created'
        ? 'Rotate the token to get a new one once the keychain works again; do not create another connection.'
        : 'Cancel the rotation (the current token keeps working) and start it again once the keychain works.',
    );
  }
}

/** `scim:getConnection`: the org's connection (or null), with where its tokens are. */
export const scimGetConnection: Handler<'scim:getConnection', StytchServices> = async (
  request,
  services,
) => {
  const client = await services.stytch.client();
  const connection = await client.getConnection(request.organizationId);
  if (!connection) return { connection: null };
  return {
    connection: connectionView(connection, await storedTokens(services.scimTokens, connection)),
  };
};

/**
 * `scim:createConnection`: Create for Microsoft Entra, sent once (see safe-writes.ts). The token
 * is kept before anything is returned; the answer carries only where it went.
 */
export const scimCreateConnection: Handler<'scim:createConnection', StytchServices> = async (
  request,
  services,
) => {
  const { client, projectId } = await connected(services);
  const created = await createConnectionSafely(client, request.organizationId, {
    displayName: request.displayName,
    identityProvider: ENTRA_IDENTITY_PROVIDER,
  });
  const owner = {
    projectId,
    organizationId: created.organization_id,
    connectionId: created.connection_id,
  };
  const saved = await keepOrExplain(
    () => services.scimTokens.saveCreatedToken(owner, created.bearer_token),
    'created',
  );
  return {
    connection: connectionView(created, { token: saved.token, nextToken: null }),
    keychainWarning: saved.keychainWarning,
  };
};

/** `scim:rotateStart`: a next token, kept before anything is returned; the current one still works. */
export const scimRotateStart: Handler<'scim:rotateStart', StytchServices> = async (
  request,
  services,
) => {
  const { client, projectId } = await connected(services);
  const started = await rotateStartSafely(client, request.organizationId, request.connectionId);
  const owner = {
    projectId,
    organizationId: started.organization_id,
    connectionId: started.connection_id,
  };
  const saved = await keepOrExplain(
    () => services.scimTokens.saveNextToken(owner, started.next_bearer_token),
    'rotation',
  );
  const current = await services.scimTokens.status({
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
};

/** `scim:rotateComplete`: the next token becomes the only valid one, at Stytch and here. */
export const scimRotateComplete: Handler<'scim:rotateComplete', StytchServices> = async (
  request,
  services,
  emit,
) => {
  const client = await services.stytch.client();
  const { connectionId, organizationId } = request;
  const next = await services.scimTokens.status({ kind: 'scim-next-token', connectionId });
  const done = await finishRotationSafely(
    client,
    organizationId,
    connectionId,
    'complete',
    next.last4,
  );
  const saved = await services.scimTokens.completeRotation(connectionId);
  noticeIfWarned(emit, saved.keychainWarning);
  return {
    connection: connectionView(done, {
      token: reconcile(saved.token, done.bearer_token_last_four),
      nextToken: null,
    }),
  };
};

/** `scim:rotateCancel`: the next token is dropped, at Stytch and here; the current one stays. */
export const scimRotateCancel: Handler<'scim:rotateCancel', StytchServices> = async (
  request,
  services,
  emit,
) => {
  const client = await services.stytch.client();
  const { connectionId, organizationId } = request;
  const current = await services.scimTokens.status({ kind: 'scim-token', connectionId });
  const done = await finishRotationSafely(
    client,
    organizationId,
    connectionId,
    'cancel',
    current.last4,
  );
  const dropped = await services.scimTokens.cancelRotation(connectionId);
  noticeIfWarned(emit, dropped.keychainWarning);
  return { connection: connectionView(done, await storedTokens(services.scimTokens, done)) };
};

/** `scim:deleteConnection`: deletes at Stytch, then the tokens here. */
export const scimDeleteConnection: Handler<'scim:deleteConnection', StytchServices> = async (
  request,
  services,
  emit,
) => {
  const client = await services.stytch.client();
  const deleted = await client.deleteConnection(request.organizationId, request.connectionId);
  const dropped = await services.scimTokens.deleteConnection(request.connectionId);
  noticeIfWarned(emit, dropped.keychainWarning);
  return { deleted: true as const, connectionId: deleted.connectionId };
};
