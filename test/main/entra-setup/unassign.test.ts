import { afterEach, describe, expect, it } from 'vitest';

import { EntraSetupViewSchema } from '../../../shared/entra/entra-views';
import { DEMO_IDS } from '../../../main/sandbox/contoso';
import type { FetchLike } from '../../../main/http/create-http-client';
import { connectionMembers } from '../../../main/stytch/connection-members';
import { startEntraHarness, type EntraHarness, type EntraHarnessOptions } from './entra-harness';
import { ACME, APP_NAME, refusal, requestsOf, signInAs } from './failure-modes/support';

/**
 * entra:unassign through the real dispatcher and handlers over the sandbox stand-ins: the Graph
 * stand-in drops the assignment, and its next simulated cycle finds the user out of scope and
 * deactivates their Stytch member, as Entra's engine does ("Deprovisioning").
 */

/** Short cycles, so a test sees the cycle after an unassign without waiting Entra's 40 minutes. */
const CYCLE_MS = 150;

/** Contoso's Megan and Alex (main/sandbox/contoso.ts). */
const MEGAN = { id: DEMO_IDS.megan, email: 'megan.bowen@contoso.com' };
const ALEX = { id: DEMO_IDS.alex, email: 'alex.wilber@contoso.com' };

/** The app role the template gives for SSO, not the "User" role the assistant assigns. */
const MSIAM_ACCESS_ROLE = 'b9632174-c057-4f7e-951b-be3adc52bfe6';

const urlOf = (input: Parameters<FetchLike>[0]) =>
  input instanceof Request ? input.url : input.toString();
const methodOf = (input: Parameters<FetchLike>[0], init: Parameters<FetchLike>[1]) =>
  init?.method ?? (input instanceof Request ? input.method : 'GET');

let app: EntraHarness | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Acme's app with its job and the credentials of Acme's new SCIM connection saved into it. */
async function acmeApp(options: EntraHarnessOptions = {}) {
  const harness = await startEntraHarness(options);
  app = harness;
  await signInAs(harness, 'adele', 'create-app');
  const created = await harness.ok('scim:createConnection', {
    organizationId: ACME,
    displayName: 'Microsoft Entra ID',
  });
  const { connectionId } = created.connection;
  await harness.ok('entra:createApp', { organizationId: ACME, displayName: APP_NAME });
  const view = EntraSetupViewSchema.parse(
    await harness.ok('entra:ensureJob', { organizationId: ACME }),
  );
  await harness.ok('entra:saveCredentials', { organizationId: ACME, connectionId });
  const standIn = harness.sandbox.microsoft.graph.state;
  const entry = standIn.jobs.get(view.job?.jobId ?? '');
  const standInApp = standIn.apps[0];
  if (entry === undefined || standInApp === undefined) throw new Error('no stand-in app or job');
  /** The Stytch status of each member this connection provisioned, by email. */
  const statuses = async () => {
    const { members } = await connectionMembers(
      await harness.services.stytch.client(),
      ACME,
      connectionId,
    );
    return Object.fromEntries(members.map((member) => [member.email_address, member.status]));
  };
  return { harness, job: entry.job, standInApp, statuses };
}

const assign = (harness: EntraHarness, ...ids: string[]) =>
  harness.ok('entra:assign', {
    organizationId: ACME,
    principals: ids.map((id) => ({ id, kind: 'user' as const })),
  });

describe('entra:unassign', () => {
  it("deactivates the unassigned user's Stytch member at the next cycle, while the other stays active", async () => {
    const { harness, job, statuses } = await acmeApp({ cycleIntervalMs: CYCLE_MS });
    await assign(harness, MEGAN.id, ALEX.id);
    await harness.ok('entra:start', { organizationId: ACME });
    await job.cyclesDone(1);
    expect(await statuses()).toEqual({ [MEGAN.email]: 'active', [ALEX.email]: 'active' });

    const view = EntraSetupViewSchema.parse(
      await harness.ok('entra:unassign', { organizationId: ACME, principalId: MEGAN.id }),
    );

    expect(view.assignments?.map((a) => a.principalId)).toEqual([ALEX.id]);
    expect(requestsOf(harness, 'appRoleAssignedTo.delete')).toHaveLength(1);
    // A cycle under way during the DELETE read the assignments before it: wait for the one after.
    await job.cyclesDone(job.cyclesRun + 2);
    expect(await statuses()).toEqual({ [MEGAN.email]: 'deleted', [ALEX.email]: 'active' });
  });

  it('deletes every assignment the user holds on the app, one per role', async () => {
    const { harness, standInApp } = await acmeApp();
    await assign(harness, MEGAN.id, ALEX.id);
    // A second role given to Megan outside the assistant (in the portal): she stays in scope
    // while any assignment is left, so both have to go.
    // The POSTs run side by side, so the list's order is not the request's: find Megan's.
    const first = standInApp.assignments.find((a) => a.principalId === MEGAN.id);
    if (first === undefined) throw new Error('Megan is not assigned');
    standInApp.assignments.push({
      ...first,
      id: crypto.randomUUID(),
      appRoleId: MSIAM_ACCESS_ROLE,
    });

    const view = EntraSetupViewSchema.parse(
      await harness.ok('entra:unassign', { organizationId: ACME, principalId: MEGAN.id }),
    );

    expect(requestsOf(harness, 'appRoleAssignedTo.delete')).toHaveLength(2);
    expect(standInApp.assignments.map((a) => a.principalId)).toEqual([ALEX.id]);
    expect(view.assignments?.map((a) => a.principalId)).toEqual([ALEX.id]);
  });

  it('refuses someone not assigned with ENTRA_NOT_ASSIGNED, sending no DELETE', async () => {
    const { harness } = await acmeApp();
    await assign(harness, ALEX.id);

    const error = refusal(
      await harness.call('entra:unassign', { organizationId: ACME, principalId: MEGAN.id }),
    );

    expect(error.code).toBe('ENTRA_NOT_ASSIGNED');
    expect(error.message).toContain(MEGAN.id);
    expect(error.hint).toMatch(/unassigned them already/);
    expect(requestsOf(harness, 'appRoleAssignedTo.delete')).toHaveLength(0);
    // The list was read afresh, so the view shows who is assigned now.
    const view = EntraSetupViewSchema.parse(
      await harness.ok('entra:get', { organizationId: ACME }),
    );
    expect(view.assignments?.map((a) => a.principalId)).toEqual([ALEX.id]);
  });

  it('counts an assignment gone by the time of its DELETE (404 Request_ResourceNotFound) as unassigned', async () => {
    let goneMeanwhile = false;
    // Someone removes Megan in the portal between the app's list read and its DELETE.
    const racingFetch: FetchLike = async (input, init) => {
      const isDelete =
        methodOf(input, init) === 'DELETE' &&
        new URL(urlOf(input)).pathname.includes('/appRoleAssignedTo/');
      const standInApp = app?.sandbox.microsoft.graph.state.apps[0];
      if (isDelete && standInApp !== undefined) {
        standInApp.assignments = standInApp.assignments.filter((a) => a.principalId !== MEGAN.id);
        goneMeanwhile = true;
      }
      return fetch(input, init);
    };
    const { harness } = await acmeApp({ fetch: racingFetch });
    await assign(harness, MEGAN.id, ALEX.id);

    const view = EntraSetupViewSchema.parse(
      await harness.ok('entra:unassign', { organizationId: ACME, principalId: MEGAN.id }),
    );

    expect(goneMeanwhile).toBe(true);
    // One DELETE, answered 404 and not retried; the view no longer lists Megan.
    expect(requestsOf(harness, 'appRoleAssignedTo.delete')).toHaveLength(1);
    expect(view.assignments?.map((a) => a.principalId)).toEqual([ALEX.id]);
  });
});
