import { randomUUID } from 'node:crypto';

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
  /**
   * The application template it was made from: the non-gallery one for apps `instantiate`
   * makes; a test sets a gallery app's (another enterprise app of the tenant, e.g. Salesforce).
   */
  applicationTemplateId: string | null;
  tags: string[];
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
    applicationTemplateId: NON_GALLERY_TEMPLATE_ID,
    tags: [CUSTOM_SSO_TAG, 'WindowsAzureActiveDirectoryIntegratedApp'],
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
    applicationTemplateId: app.applicationTemplateId,
    appRoleAssignmentRequired: true,
    servicePrincipalType: 'Application',
    servicePrincipalNames: [app.appId],
    tags: app.tags,
    appRoles: NON_GALLERY_APP_ROLES,
  };
}

/** The application resource of an app. */
export function applicationView(app: StandInApp) {
  return {
    id: app.applicationId,
    appId: app.appId,
    applicationTemplateId: app.applicationTemplateId,
    displayName: app.displayName,
    signInAudience: 'AzureADMyOrg',
    appRoles: NON_GALLERY_APP_ROLES,
  };
}
