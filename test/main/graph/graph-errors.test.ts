import { afterEach, describe, expect, it } from 'vitest';

import { GraphCallError } from '../../../main/graph/graph-errors';
import { appFailure } from '../../../shared/errors';
import { failure } from '../../support/stytch-doubles';
import { graphHarness, type GraphHarness } from '../../support/graph-harness';

let harness: GraphHarness | undefined;

afterEach(async () => {
  await harness?.standIn.stop();
  harness = undefined;
});

async function callError(run: () => Promise<unknown>): Promise<GraphCallError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof GraphCallError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('Graph errors become messages with a hint and the request ids', () => {
  it('names the missing admin role and scope when Graph answers Authorization_RequestDenied', async () => {
    harness = await graphHarness();
    harness.standIn.controls.removeAdminRole();
    const error = await callError(() => harness!.client.instantiateNonGalleryApp('Stytch SCIM'));
    expect(error.appError.code).toBe('GRAPH_PERMISSION_DENIED');
    expect(error.appError.hint).toContain(
      'Application Administrator or Cloud Application Administrator',
    );
    expect(error.appError.hint).toContain('Application.ReadWrite.All');
    expect(error.facts.graphCode).toBe('Authorization_RequestDenied');
    // The id the client sent is the one shown, next to Graph's request-id.
    const sent = harness.standIn.history.at(-1)?.clientRequestId ?? '';
    expect(error.appError.message).toContain(`client request ID ${sent}`);
    expect(error.appError.message).toMatch(/request ID [0-9a-f-]{36}, client/);
    expect(error.appError.requestId).toBe(sent);
  });

  it('keeps a refused Test Connection call an error about Graph, not about the SCIM endpoint', async () => {
    harness = await graphHarness();
    const { client, standIn } = harness;
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const job = await client.createJob(servicePrincipal.id);
    standIn.controls.withholdConsent('Synchronization.ReadWrite.All');
    const credentials = { baseAddress: 'https://scim.example/v2', secretToken: 'scim-token' };
    const error = await failure(() =>
      client.validateCredentials(servicePrincipal.id, job.id, credentials),
    );
    expect(error.code).toBe('GRAPH_PERMISSION_DENIED');
    expect(error.hint).toContain('Synchronization.ReadWrite.All');
    expect(JSON.stringify(error)).not.toContain('scim-token');
  });

  it('lets a reader without an admin role still search users', async () => {
    harness = await graphHarness();
    harness.standIn.controls.removeAdminRole();
    expect(await harness.client.directory.searchUsers('megan')).toHaveLength(1);
  });

  it('names the missing permission and who can consent when the token lacks AuditLog.Read.All', async () => {
    harness = await graphHarness();
    harness.standIn.controls.withholdConsent('AuditLog.Read.All');
    const error = await failure(() => harness!.client.listProvisioningLogs('scim.x.y'));
    expect(error.code).toBe('MICROSOFT_CONSENT_REQUIRED');
    expect(error.message).toContain('AuditLog.Read.All and Directory.Read.All');
    expect(error.hint).toContain('admin consent');
  });

  it('reads a sign-in that reports missing consent (AADSTS65001) as consent, and sends nothing', async () => {
    const refused = Object.assign(
      new Error('AADSTS65001: The user or administrator has not consented'),
      {
        errorCode: 'consent_required',
      },
    );
    harness = await graphHarness({ accessToken: () => Promise.reject(refused) });
    const error = await failure(() => harness!.client.directory.searchGroups('x'));
    expect(error.code).toBe('MICROSOFT_CONSENT_REQUIRED');
    expect(error.message).not.toContain('AADSTS');
    expect(harness.standIn.history).toHaveLength(0);
  });

  it('asks to sign in again when the sign-in fails otherwise or Graph refuses the token', async () => {
    harness = await graphHarness({ accessToken: () => Promise.reject(new Error('no account')) });
    expect((await failure(() => harness!.client.directory.searchUsers('x'))).code).toBe(
      'MICROSOFT_NOT_SIGNED_IN',
    );
    await harness.standIn.stop();
    harness = await graphHarness({ accessToken: () => Promise.resolve('not-the-token') });
    const error = await failure(() => harness!.client.directory.searchUsers('x'));
    expect(error.code).toBe('MICROSOFT_NOT_SIGNED_IN');
    expect(error.message).not.toContain('not-the-token');
  });

  it('passes on an error the sign-in already worded, unchanged but for the action it names', async () => {
    const worded = appFailure('MICROSOFT_NOT_SIGNED_IN', 'Not signed in.', 'Sign in.');
    harness = await graphHarness({ accessToken: () => Promise.reject(worded) });
    const error = await failure(() => harness!.client.directory.searchUsers('x'));
    // The Graph action of users.search, so "Sign in to Microsoft" asks for its permissions.
    expect(error).toEqual({ ...worded.appError, action: 'pick-users-and-groups' });
  });

  it('answers a 404 on an app that was not just created at once, without waiting', async () => {
    harness = await graphHarness();
    const error = await failure(() => harness!.client.getServicePrincipal('missing-sp'));
    expect(error.code).toBe('GRAPH_NOT_FOUND');
    expect(harness.clock.sleeps).toEqual([]);
  });

  it('never writes the access token into logs or errors', async () => {
    harness = await graphHarness();
    harness.standIn.controls.removeAdminRole();
    const error = await failure(() => harness!.client.createJob('some-sp'));
    expect(JSON.stringify(error)).not.toContain(harness.token);
    expect(JSON.stringify(harness.records)).not.toContain(harness.token);
    expect(harness.records.some((record) => record.event === 'graph.call')).toBe(true);
  });
});
