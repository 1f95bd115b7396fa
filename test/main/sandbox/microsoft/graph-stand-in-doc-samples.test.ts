import { describe, expect, it } from 'vitest';

import { DEMO_IDS } from '../../../../main/sandbox/contoso';
import { userAppRoleId } from '../../../../main/graph/graph-queries';
import { USER_RULE_ID } from '../../../../main/sandbox/graph-stand-in/provisioning-job';
import type { RunningGraphStandIn } from '../../../../main/sandbox/graph-stand-in/graph-stand-in';
import { docSample, type DocSampleName } from '../../../support/graph-doc-samples';
import { sandboxTarget } from '../entra-simulator/sandbox-target';
import { sandboxWithGraphHarness } from '../../../support/graph-harness';

/**
 * The Graph stand-in answers in the shape of Microsoft's documented examples
 * (test/fixtures/graph/, README.md names each page), so the stand-in and the docs cannot drift
 * apart unnoticed: for each operation it serves, the key paths of its raw answer are compared with
 * the example's, and the same answer goes through the client's parser (the client call below).
 * Free-form dictionaries (`details`) and OData annotations are not compared; every other
 * difference is listed with its reason.
 */

const world = sandboxWithGraphHarness();

/** `a.b[].c` for every key in a JSON value. */
function keyPaths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${at}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    if (key.startsWith('@odata.')) return [];
    const path = `${at}.${key}`;
    return key === 'details' ? [path] : [path, ...keyPaths(inner, path)];
  });
}

interface Difference {
  /** Paths the example has and the stand-in's answer does not, each with why. */
  docOnly?: Record<string, string>;
  /** Paths the stand-in sends that the example does not show, each with why. */
  standInOnly?: Record<string, string>;
}

function expectSameShape(answer: unknown, sample: unknown, allowed: Difference = {}) {
  const ours = new Set(keyPaths(answer));
  const theirs = new Set(keyPaths(sample));
  const docOnly = [...theirs].filter(
    (path) => !ours.has(path) && !(path in (allowed.docOnly ?? {})),
  );
  const standInOnly = [...ours].filter(
    (path) => !theirs.has(path) && !(path in (allowed.standInOnly ?? {})),
  );
  expect({ docOnly, standInOnly }).toEqual({ docOnly: [], standInOnly: [] });
  // Every listed difference is still one, so the lists do not outlive what they excuse.
  const stale = [
    ...Object.keys(allowed.docOnly ?? {}).filter((path) => ours.has(path) || !theirs.has(path)),
    ...Object.keys(allowed.standInOnly ?? {}).filter((path) => theirs.has(path) || !ours.has(path)),
  ];
  expect(stale).toEqual([]);
}

/** The stand-in's raw answer, with its own token (the client's parse is checked separately). */
async function raw(standIn: RunningGraphStandIn, path: string, body?: unknown): Promise<unknown> {
  const token = await standIn.accessToken([]);
  const response = await fetch(`${standIn.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.json();
}

const sample = (name: DocSampleName) => docSample(name);
const decoded = (pair: unknown, field: 'key' | 'value') =>
  JSON.parse((pair as Record<'key' | 'value', string>)[field]) as unknown;

const NO_SETTINGS = 'the stand-in job has no synchronizationJobSettings (an empty list)';

describe('the Graph stand-in answers in the shape of Microsoft’s documented examples', () => {
  it('serves jobs, templates, provisionOnDemand, logs, assignments, users and groups as the docs show them', async () => {
    const { client, standIn } = await world.harness({ cycleIntervalMs: 25 });
    const target = sandboxTarget(world.sandbox(), 'generic');
    const { servicePrincipal } = await client.instantiateNonGalleryApp('Stytch SCIM');
    const spId = servicePrincipal.id;
    const base = `/servicePrincipals/${spId}/synchronization`;
    const created = await client.createJob(spId);
    expectSameShape(
      await raw(standIn, `${base}/jobs/${created.id}`),
      sample('synchronization-post-jobs'),
      {
        standInOnly: {
          '.status.progress': 'a documented synchronizationStatus key the example leaves out',
          '.synchronizationJobSettings': 'shown in the cross-tenant guide’s example',
        },
      },
    );

    // Templates: the documented example, with the non-gallery app's template id.
    expectSameShape(
      await raw(standIn, `${base}/templates`),
      sample('synchronization-list-templates'),
    );
    expect((await client.listTemplates(spId)).map((template) => template.id)).toEqual(['scim']);

    await client.directory.assign(spId, DEMO_IDS.diego, userAppRoleId(servicePrincipal) ?? '');
    await client.saveSecrets(spId, { baseAddress: target.tenantUrl, secretToken: target.token });
    const onDemand = await raw(standIn, `${base}/jobs/${created.id}/provisionOnDemand`, {
      parameters: [
        { ruleId: USER_RULE_ID, subjects: [{ objectId: DEMO_IDS.diego, objectTypeName: 'User' }] },
      ],
    });
    const documented = sample('provisionondemand-user');
    expectSameShape(decoded(onDemand, 'key'), decoded(documented, 'key'));
    expectSameShape(decoded(onDemand, 'value'), decoded(documented, 'value'));

    const logs = await raw(standIn, `/auditLogs/provisioning?$filter=jobId eq '${created.id}'`);
    expectSameShape(logs, sample('provisioningobjectsummary-list-success'), {
      docOnly: {
        '.value[].initiatedBy.initiatingType':
          'the success example spells it initiatingType; the error example and the resource, initiatorType',
      },
      standInOnly: {
        '.value[].initiatedBy.initiatorType': 'as the error example and the resource spell it',
      },
    });
    expect((await client.listProvisioningLogs(created.id)).unreadable).toBe(0);

    standIn.state.jobs.get(created.id)?.job.quarantine();
    expectSameShape(
      await raw(standIn, `${base}/jobs/${created.id}`),
      sample('synchronizationjob-get-quarantine'),
      {
        docOnly: {
          '.synchronizationJobSettings[].name': NO_SETTINGS,
          '.synchronizationJobSettings[].value': NO_SETTINGS,
        },
      },
    );
    expect((await client.getJob(spId, created.id)).status?.code).toBe('Quarantine');

    expectSameShape(
      await raw(standIn, `/servicePrincipals/${spId}/appRoleAssignedTo`),
      sample('approleassignedto-list'),
      {
        docOnly: { '.value[].deletedDateTime': 'always null for a live assignment; not kept' },
      },
    );
    expectSameShape(await raw(standIn, '/users'), sample('user-list'), {
      docOnly: Object.fromEntries(
        [
          'businessPhones',
          'givenName',
          'jobTitle',
          'mobilePhone',
          'officeLocation',
          'preferredLanguage',
          'surname',
        ].map((key) => [
          `.value[].${key}`,
          'the app $selects id, displayName, userPrincipalName and mail',
        ]),
      ),
    });
    expectSameShape(await raw(standIn, '/groups'), sample('group-list-select'), {
      standInOnly: { '.value[].description': 'the app $selects description too' },
    });
  });
});
