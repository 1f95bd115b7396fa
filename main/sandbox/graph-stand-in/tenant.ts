import { randomUUID } from 'node:crypto';

import type { DirectoryGroup, DirectoryUser } from '../../entra-simulator/entra-simulator';
import { CUSTOM_SSO_TAG, NON_GALLERY_TEMPLATE_ID } from '../../graph/graph-queries';

/** The sandbox tenant's name, as the app shows it. */
export const SANDBOX_TENANT_NAME = 'Contoso (sandbox)';
export const SANDBOX_TENANT_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/**
 * The roles a non-gallery instance is created with (reference §1, [G-gsa]): "User" for
 * assignments, "msiam_access" for SSO.
 */
export const NON_GALLERY_APP_ROLES = [
  {
    displayName: 'User',
    id: '18d14569-c3bd-439b-9a66-3a2aee01d14f',
    allowedMemberTypes: ['User'],
    value: null,
    isEnabled: true,
    origin: 'Application',
  },
  {
    displayName: 'msiam_access',
    id: 'b9632174-c057-4f7e-951b-be3adc52bfe6',
    allowedMemberTypes: ['User'],
    value: null,
    isEnabled: true,
    origin: 'Application',
  },
] as const;

const user = (id: string, given: string, surname: string, enabled = true): DirectoryUser => ({
  objectId: id,
  userPrincipalName: `${given.toLowerCase()}.${surname.toLowerCase()}@contoso.example`,
  mail: `${given.toLowerCase()}.${surname.toLowerCase()}@contoso.example`,
  givenName: given,
  surname,
  mailNickname: `${given.toLowerCase()}.${surname.toLowerCase()}`,
  displayName: `${given} ${surname}`,
  accountEnabled: enabled,
});

/** Contoso's people: five users, two groups (one nested-free, as Entra reads only direct members). */
export function seedDirectory(): { users: DirectoryUser[]; groups: DirectoryGroup[] } {
  const users = [
    user('0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef', 'Alice', 'Example'),
    user('1b32e1e3-9e3b-4a9f-8c09-8474d5bfe5f0', 'Bob', 'Builder'),
    user('2c43d2d4-af4c-4bb0-9d1a-9585e6c0f601', 'Carol', 'Singer'),
    user('3d54c3c5-b05d-4cc1-8e2b-a696f7d10712', 'Dan', 'Driver'),
    user('4e65b4b6-c16e-4dd2-9f3c-b7a708e21823', 'Erin', 'Away', false),
  ];
  const groups = [
    {
      objectId: '5f76a5a7-d27f-4ee3-a04d-c8b819f32934',
      displayName: 'Engineering',
      members: [users[0]?.objectId ?? '', users[1]?.objectId ?? ''],
    },
    {
      objectId: '60879698-e380-4ff4-b15e-d9c92a043a45',
      displayName: 'Sales',
      members: [users[2]?.objectId ?? ''],
    },
  ];
  return { users, groups };
}

/** An assignment of a user or group to an app's role (reference §3). */
export interface StandInAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  principalDisplayName: string;
  principalType: 'User' | 'Group';
  resourceId: string;
  resourceDisplayName: string;
  createdDateTime: string;
}

/** An enterprise app the stand-in holds: application + service principal + provisioning. */
export interface StandInApp {
  applicationId: string;
  appId: string;
  spId: string;
  displayName: string;
  /** Reads left that answer 404 Request_ResourceNotFound (replication, reference §1). */
  unreplicatedReads: number;
  assignments: StandInAssignment[];
  secrets: { key: string; value: string }[];
}

/** A new non-gallery instance, as `instantiate` creates it. */
export function newApp(displayName: string, unreplicatedReads: number): StandInApp {
  return {
    applicationId: randomUUID(),
    appId: randomUUID(),
    spId: randomUUID(),
    displayName,
    unreplicatedReads,
    assignments: [],
    secrets: [],
  };
}

/** The servicePrincipal resource of an app (reference §1, non-gallery instance). */
export function servicePrincipalView(app: StandInApp) {
  return {
    id: app.spId,
    appId: app.appId,
    displayName: app.displayName,
    applicationTemplateId: NON_GALLERY_TEMPLATE_ID,
    appRoleAssignmentRequired: true,
    servicePrincipalType: 'Application',
    servicePrincipalNames: [app.appId],
    tags: [CUSTOM_SSO_TAG, 'WindowsAzureActiveDirectoryIntegratedApp'],
    appRoles: NON_GALLERY_APP_ROLES,
  };
}

/** The application resource of an app. */
export function applicationView(app: StandInApp) {
  return {
    id: app.applicationId,
    appId: app.appId,
    applicationTemplateId: NON_GALLERY_TEMPLATE_ID,
    displayName: app.displayName,
    signInAudience: 'AzureADMyOrg',
    appRoles: NON_GALLERY_APP_ROLES,
  };
}
