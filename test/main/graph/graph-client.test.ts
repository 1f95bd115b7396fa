import { scopesFor } from '../../../shared/entra/graph-permissions';
import { afterEach, describe, expect, it } from 'vitest';

import { userAppRoleId } from '../../../main/graph/graph-queries';
import { ServicePrincipalSchema } from '../../../main/graph/graph-schemas';
import { SANDBOX_TENANT_NAME } from '../../../main/sandbox/graph-stand-in/tenant';
import { graphHarness, type GraphHarness } from '../../support/graph-harness';

let harness: GraphHarness | undefined;

afterEach(async () => {
  await harness?.standIn.stop();
  harness = undefined;
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the Graph client against the stand-in over loopback HTTP', () => {
  it('creates the non-gallery app, finds it by name and gives it a scim provisioning job', async () => {
    harness = await graphHarness();
    const { client } = harness;
    const created = await client.instantiateNonGalleryApp('Stytch SCIM');
    expect(created.servicePrincipal.applicationTemplateId).toBe(
      '8adf8e6e-67b2-4cf2-a259-e3dc5476c621',
    );
    const found = await client.findServicePrincipals('Stytch SCIM');
    expect(found.map((sp) => sp.id)).toEqual([created.servicePrincipal.id]);
    expect(await client.findServicePrincipals("O'Brien's app")).toEqual([]);

    const job = await client.createJob(created.servicePrincipal.id);
    expect(job.templateId).toBe('scim');
    expect(job.id).toMatch(/^scim\./);
    expect(job.status?.code).toBe('NotConfigured');
    expect(job.schedule?.state).toBe('Disabled');
    const listed = await client.listJobs(created.servicePrincipal.id);
    expect(listed.map((j) => j.id)).toEqual([job.id]);
  });

  it('sends a fresh client-request-id GUID with every request, and asks for the operation’s scopes', async () => {
    harness = await graphHarness();
    const { client, standIn, scopeRequests } = harness;
    await client.directory.searchUsers('a');
    await client.directory.searchUsers('a');
    const ids = standIn.history.map((record) => record.clientRequestId);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(GUID);
    expect(new Set(ids).size).toBe(2);
    // The pickers' row of the permission table (shared/entra/graph-permissions.ts).
    expect(scopeRequests[0]).toEqual(scopesFor('pick-users-and-groups'));
  });

  it('reads the legacy objectId as the id of a service principal', () => {
    const parsed = ServicePrincipalSchema.parse({ objectId: 'legacy-id', displayName: 'Old' });
    expect(parsed.id).toBe('legacy-id');
    expect(ServicePrincipalSchema.safeParse({ displayName: 'No id' }).success).toBe(false);
  });

  it('assigns a user and a group to the User role, and treats an existing assignment as done', async () => {
    harness = await graphHarness();
    const { client } = harness;
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const roleId = userAppRoleId(servicePrincipal);
    expect(roleId).toBe('18d14569-c3bd-439b-9a66-3a2aee01d14f');
    const [adele] = await client.directory.searchUsers('adele');
    const [engineering] = await client.directory.searchGroups('Eng');
    const first = await client.directory.assign(servicePrincipal.id, adele?.id ?? '', roleId ?? '');
    expect(first.alreadyAssigned).toBe(false);
    const again = await client.directory.assign(servicePrincipal.id, adele?.id ?? '', roleId ?? '');
    expect(again).toEqual({ alreadyAssigned: true });
    await client.directory.assign(servicePrincipal.id, engineering?.id ?? '', roleId ?? '');
    const assignments = await client.directory.listAssignments(servicePrincipal.id);
    expect(assignments.map((a) => a.principalType).sort()).toEqual(['Group', 'User']);
  });

  it('unassigns with DELETE (204), and reads a 404 Request_ResourceNotFound on it as already gone', async () => {
    harness = await graphHarness();
    const { client, standIn, scopeRequests } = harness;
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const spId = servicePrincipal.id;
    const [adele] = await client.directory.searchUsers('adele');
    const made = await client.directory.assign(
      spId,
      adele?.id ?? '',
      userAppRoleId(servicePrincipal) ?? '',
    );
    if (made.alreadyAssigned) throw new Error('expected a new assignment');
    const assignmentId = made.assignment.id;

    expect(await client.directory.unassign(spId, assignmentId)).toEqual({ alreadyGone: false });
    expect(await client.directory.listAssignments(spId)).toEqual([]);
    // The assignments row of the permission table: AppRoleAssignment.ReadWrite.All.
    expect(scopeRequests.at(-2)).toEqual(scopesFor('assign-users'));
    // Deleting it again (a retry whose first answer was lost, or a removal in the portal meanwhile).
    expect(await client.directory.unassign(spId, assignmentId)).toEqual({ alreadyGone: true });
    const deletes = standIn.history.filter((r) => r.operation === 'appRoleAssignedTo.delete');
    expect(deletes.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
    expect(deletes[0]?.path).toBe(`/servicePrincipals/${spId}/appRoleAssignedTo/${assignmentId}`);
  });

  it('reads a 404 on unassign of a missing app as gone too, but a 404 elsewhere stays an error', async () => {
    harness = await graphHarness();
    const { client } = harness;
    // An assignment cannot outlive its app, and Graph answers the same Request_ResourceNotFound.
    expect(await client.directory.unassign('no-such-app', 'no-such-assignment')).toEqual({
      alreadyGone: true,
    });
    await expect(client.getServicePrincipal('no-such-app')).rejects.toMatchObject({
      appError: { code: 'GRAPH_NOT_FOUND' },
    });
  });

  it('searches the sandbox tenant’s users and groups by prefix for the pickers', async () => {
    harness = await graphHarness();
    const { client } = harness;
    expect(SANDBOX_TENANT_NAME).toBe('Contoso (sandbox)');
    const users = await client.directory.searchUsers('di');
    expect(users.map((u) => u.displayName)).toEqual(['Diego Siciliani']);
    expect(await client.directory.searchUsers('')).toHaveLength(5);
    const groups = await client.directory.searchGroups('sa');
    expect(groups.map((g) => g.displayName)).toEqual(['Sales and Marketing']);
  });

  it('round-trips the job schema, keeping fields it does not model', async () => {
    harness = await graphHarness();
    const { client } = harness;
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const job = await client.createJob(servicePrincipal.id);
    const schema = await client.getSchema(servicePrincipal.id, job.id);
    expect(schema.synchronizationRules[0]?.id).toMatch(/#V2$/);
    expect(schema['directories']).toContainEqual(expect.objectContaining({ name: 'customappsso' }));
    await client.putSchema(servicePrincipal.id, job.id, { ...schema, version: 'edited' });
    const again = await client.getSchema(servicePrincipal.id, job.id);
    expect(again['version']).toBe('edited');
    expect(again.synchronizationRules[0]?.['objectMappings']).toEqual(
      schema.synchronizationRules[0]?.['objectMappings'],
    );
    expect(again['directories']).toEqual(schema['directories']);
  });
});
