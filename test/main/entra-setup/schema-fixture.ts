import { USER_RULE_ID } from '../../../main/sandbox/graph-stand-in/provisioning-job';
import type { RunningGraphStandIn } from '../../../main/sandbox/graph-stand-in/graph-stand-in';

const attribute = (target: string, expression: string, matchingPriority = 0) => ({
  targetAttributeName: target,
  source: {
    expression,
    name: expression.replace(/^\[|\]$/g, ''),
    type: 'Attribute',
    parameters: [],
  },
  matchingPriority,
  flowType: 'Always',
  flowBehavior: 'FlowWhenChanged',
  defaultValue: null,
  exportMissingReferences: false,
});

/**
 * A non-gallery SCIM job's schema as Entra ships it (reference §2, "Default non-gallery user
 * mappings seen in the wild"): mailNickname → externalId for users, objectId → externalId for
 * groups, plus keys the app must hand back untouched.
 */
export function entraDefaultSchema(jobId: string) {
  return {
    id: jobId,
    version: 'Date:2025-03-01T00:00:00Z~###~Version:7',
    directories: [{ id: 'd1', name: 'customappsso', objects: [{ name: 'User', attributes: [] }] }],
    synchronizationRules: [
      {
        id: USER_RULE_ID,
        name: 'USER_TO_SCIM',
        editable: true,
        priority: 1,
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: 'customappsso',
        metadata: [{ key: 'defaultSourceObjectMappings', value: 'whatever' }],
        objectMappings: [
          {
            name: 'Provision Azure Active Directory Users',
            enabled: true,
            flowTypes: 'Add, Update, Delete',
            sourceObjectName: 'User',
            targetObjectName: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
            scope: null,
            metadata: [],
            attributeMappings: [
              attribute('userName', '[userPrincipalName]', 1),
              attribute('emails[type eq "work"].value', '[mail]'),
              attribute('externalId', '[mailNickname]'),
              attribute('name.givenName', '[givenName]'),
            ],
          },
          {
            name: 'Provision Azure Active Directory Groups',
            enabled: true,
            flowTypes: 'Add, Update, Delete',
            sourceObjectName: 'Group',
            targetObjectName: 'urn:ietf:params:scim:schemas:core:2.0:Group',
            scope: null,
            metadata: [],
            attributeMappings: [
              attribute('displayName', '[displayName]', 1),
              attribute('externalId', '[objectId]'),
            ],
          },
        ],
      },
    ],
  };
}

/** The stand-in's job, to read and set its schema as Entra would hold it. */
export function standInJob(graph: RunningGraphStandIn, jobId: string) {
  const entry = graph.state.jobs.get(jobId);
  if (entry === undefined) throw new Error(`The stand-in has no job ${jobId}.`);
  return entry.job;
}
