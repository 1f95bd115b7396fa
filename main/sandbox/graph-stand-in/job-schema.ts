import type { AttributeDefinition, DirectoryDefinition } from '@microsoft/microsoft-graph-types';

import type { ExternalIdSource } from '../entra-simulator/entra-simulator';

/** The rule id provisionOnDemand names (reference §2; the real one for `scim` is [unconfirmed]). */
export const USER_RULE_ID = '03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8#V2';

const USER_OBJECT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP_OBJECT = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** An attributeMapping in the documented shape (graph-provisioning.md §2, [G-attrmap, G-attrsrc]). */
function attribute(
  targetAttributeName: string,
  source: { expression: string; name: string; type: 'Attribute' | 'Function' },
  matchingPriority = 0,
) {
  return {
    targetAttributeName,
    source: { ...source, parameters: [] },
    matchingPriority,
    flowType: 'Always',
    flowBehavior: 'FlowWhenChanged',
    defaultValue: null,
    exportMissingReferences: false,
  };
}

const fromAttribute = (name: string) => ({
  expression: `[${name}]`,
  name,
  type: 'Attribute' as const,
});

/** An objectMapping in the documented shape (graph-provisioning.md §2, [G-objmap]). */
function objectMapping(
  name: string,
  sourceObjectName: string,
  targetObjectName: string,
  attributeMappings: ReturnType<typeof attribute>[],
) {
  return {
    name,
    enabled: true,
    flowTypes: 'Add, Update, Delete',
    sourceObjectName,
    targetObjectName,
    scope: null,
    metadata: [],
    attributeMappings,
  };
}

/** An attributeDefinition in the documented shape (microsoft-graph-types `AttributeDefinition`). */
function attributeDefinition(
  name: string,
  type: 'String' | 'Boolean' | 'Reference' = 'String',
  options: { anchor?: boolean; multivalued?: boolean; referencedObjects?: string[] } = {},
): AttributeDefinition {
  return {
    name,
    type,
    anchor: options.anchor ?? false,
    caseExact: false,
    defaultValue: null,
    flowNullValues: false,
    multivalued: options.multivalued ?? false,
    mutability: 'ReadWrite',
    required: false,
    apiExpressions: [],
    metadata: [],
    referencedObjects: (options.referencedObjects ?? []).map((referencedObjectName) => ({
      referencedObjectName,
      referencedProperty: null,
    })),
  };
}

/**
 * The two directories a `scim` job's schema describes: Entra's side and the SCIM app's
 * (`customappsso`), each with the objects and attributes the mappings below use. Only
 * `directories:[…]` is in the reference (§2); the shapes are microsoft-graph-types'
 * `DirectoryDefinition`, and the ids, discoverabilities and versions here are the stand-in's own
 * [unconfirmed]. They give a schema PUT nested content the app must hand back untouched.
 */
function defaultDirectories(): DirectoryDefinition[] {
  return [
    {
      id: 'AzureActiveDirectory',
      name: 'Azure Active Directory',
      discoverabilities: 'None',
      discoveryDateTime: null,
      readOnly: true,
      version: null,
      objects: [
        {
          name: 'User',
          supportedApis: [],
          metadata: [],
          attributes: [
            attributeDefinition('objectId', 'String', { anchor: true }),
            attributeDefinition('userPrincipalName'),
            attributeDefinition('mail'),
            attributeDefinition('mailNickname'),
            attributeDefinition('givenName'),
            attributeDefinition('surname'),
            attributeDefinition('IsSoftDeleted', 'Boolean'),
          ],
        },
        {
          name: 'Group',
          supportedApis: [],
          metadata: [],
          attributes: [
            attributeDefinition('objectId', 'String', { anchor: true }),
            attributeDefinition('displayName'),
            attributeDefinition('members', 'Reference', {
              multivalued: true,
              referencedObjects: ['User', 'Group'],
            }),
          ],
        },
      ],
    },
    {
      id: 'customappsso',
      name: 'customappsso',
      discoverabilities: 'AttributeNames',
      discoveryDateTime: null,
      readOnly: false,
      version: null,
      objects: [
        {
          name: USER_OBJECT,
          supportedApis: [],
          metadata: [
            { key: 'BaseObjectName', value: 'urn:ietf:params:scim:schemas:core:2.0:User' },
          ],
          attributes: [
            attributeDefinition('userName', 'String', { anchor: true }),
            attributeDefinition('active', 'Boolean'),
            attributeDefinition('emails[type eq "work"].value'),
            attributeDefinition('name.givenName'),
            attributeDefinition('name.familyName'),
            attributeDefinition('externalId'),
          ],
        },
        {
          name: GROUP_OBJECT,
          supportedApis: [],
          metadata: [],
          attributes: [
            attributeDefinition('displayName', 'String', { anchor: true }),
            attributeDefinition('externalId'),
            attributeDefinition('members', 'Reference', {
              multivalued: true,
              referencedObjects: [USER_OBJECT, GROUP_OBJECT],
            }),
          ],
        },
      ],
    },
  ];
}

/**
 * The job's schema as a new non-gallery `scim` job has it, trimmed to the mappings the simulator
 * plays. The user mapping is the default "seen in the wild", with mailNickname → externalId,
 * which the admin must change to objectId for Stytch; groups already map objectId → externalId
 * (graph-provisioning.md §2, "Schema and the objectId → externalId mapping": the exact default
 * set is [partly unconfirmed]).
 */
export function defaultSchema(jobId: string) {
  return {
    id: jobId,
    version: 'Date:2025-03-01T00:00:00Z~###~Version:1',
    directories: defaultDirectories(),
    synchronizationRules: [
      {
        id: USER_RULE_ID,
        name: 'USER_TO_SCIM',
        editable: true,
        priority: 1,
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: 'customappsso',
        metadata: [],
        objectMappings: [
          objectMapping('Provision Azure Active Directory Users', 'User', USER_OBJECT, [
            attribute('userName', fromAttribute('userPrincipalName'), 1),
            attribute('active', {
              expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
              name: 'Switch',
              type: 'Function',
            }),
            attribute('emails[type eq "work"].value', fromAttribute('mail')),
            attribute('name.givenName', fromAttribute('givenName')),
            attribute('name.familyName', fromAttribute('surname')),
            attribute('externalId', fromAttribute('mailNickname')),
          ]),
          objectMapping('Provision Azure Active Directory Groups', 'Group', GROUP_OBJECT, [
            attribute('displayName', fromAttribute('displayName'), 1),
            attribute('externalId', fromAttribute('objectId')),
            attribute('members', fromAttribute('members')),
          ]),
        ],
      },
    ],
  };
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/**
 * Where the user mapping in a (possibly admin-edited) schema takes externalId from. The stand-in
 * accepts any PUT the real API would roughly accept, so this reads defensively; anything it does
 * not recognise keeps the simulator's own default (objectId).
 */
export function externalIdSourceOf(schema: unknown): ExternalIdSource {
  for (const rule of list(field(schema, 'synchronizationRules'))) {
    const users = list(field(rule, 'objectMappings')).find(
      (mapping) => field(mapping, 'sourceObjectName') === 'User',
    );
    const externalId = list(field(users, 'attributeMappings')).find(
      (entry) => field(entry, 'targetAttributeName') === 'externalId',
    );
    if (externalId === undefined) continue;
    const expression = field(field(externalId, 'source'), 'expression');
    return expression === '[mailNickname]' ? 'mailNickname' : 'objectId';
  }
  return 'objectId';
}

/** `schedule.interval` as an ISO 8601 duration: Entra's PT40M, or the sandbox's short one. */
export function scheduleInterval(intervalMs: number): string {
  const seconds = Math.max(1, Math.round(intervalMs / 1000));
  if (seconds % 60 !== 0) return `PT${seconds}S`;
  const minutes = seconds / 60;
  return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}
