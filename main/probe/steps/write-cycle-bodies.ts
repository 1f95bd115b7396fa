import { SCIM_URN } from '../scim-messages';

/**
 * Request bodies shaped like Entra's (reference B.4 and C.1), so the write cycle exercises what
 * a provisioning cycle really sends. The user is clearly named as a probe user, in case it is
 * ever left behind.
 */

/** The test user's names, derived from one GUID. */
export interface ProbeUser {
  userName: string;
  externalId: string;
}

/** A user name and externalId nobody else has. */
export function probeUser(guid: string): ProbeUser {
  return { userName: `scim-probe-${guid}@example.com`, externalId: guid };
}

/** Create user — *POST /Users* as Entra sends it (B.4). */
export function createUserBody(user: ProbeUser): unknown {
  return {
    schemas: [SCIM_URN.user, SCIM_URN.enterpriseUser],
    externalId: user.externalId,
    userName: user.userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: user.userName }],
    meta: { resourceType: 'User' },
    name: { formatted: 'SCIM Probe', familyName: 'Probe', givenName: 'SCIM' },
    roles: [],
  };
}

function patch(operations: unknown[]): unknown {
  return { schemas: [SCIM_URN.patchOp], Operations: operations };
}

/** Entra's default (legacy) PATCH: PascalCase op, one op per path, "False" as a string (C.1). */
export function legacyPatchBody(): unknown {
  return patch([
    { op: 'Replace', path: 'name.familyName', value: 'ProbeLegacy' },
    { op: 'Replace', path: 'active', value: 'False' },
  ]);
}

/** The aadOptscim062020 PATCH: lowercase op, path-less multi-attribute replace, boolean (C.1). */
export function compliantPatchBody(): unknown {
  return patch([
    { op: 'replace', value: { displayName: 'SCIM Probe', 'name.givenName': 'ProbeCompliant' } },
    { op: 'replace', path: 'active', value: true },
  ]);
}

/** Disable user — what Entra sends when a user is unassigned or soft-deleted (C.1, with the flag). */
export function deactivateBody(): unknown {
  return patch([{ op: 'replace', path: 'active', value: false }]);
}
