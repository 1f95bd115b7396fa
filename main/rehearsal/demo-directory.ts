import { userScope, type Directory, type DirectoryUser } from '../entra-simulator/directory';

/**
 * Object ids in Entra's shape (GUIDs), fixed so a rehearsal's externalIds are the same every run
 * and tests can name them.
 */
export const DEMO_IDS = {
  adele: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000001',
  alex: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000002',
  diego: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000003',
  megan: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000004',
  nestor: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000005',
  sales: '9e47a2d1-58c0-4f3e-8b6a-0c0fee000101',
  engineering: '9e47a2d1-58c0-4f3e-8b6a-0c0fee000102',
} as const;

function person(key: keyof typeof DEMO_IDS, given: string, family: string): DirectoryUser {
  const upn = `${given}.${family}@contoso.com`.toLowerCase();
  return {
    objectId: DEMO_IDS[key],
    userPrincipalName: upn,
    mail: upn,
    givenName: given,
    surname: family,
    displayName: `${given} ${family}`,
    accountEnabled: true,
  };
}

/**
 * The rehearsal's Entra tenant: five people of Microsoft's demo tenant and two groups, every user
 * and both groups assigned to the app (the scope "Sync only assigned users and groups").
 */
export function demoDirectory(): Directory {
  return {
    users: [
      person('adele', 'Adele', 'Vance'),
      person('alex', 'Alex', 'Wilber'),
      person('diego', 'Diego', 'Siciliani'),
      person('megan', 'Megan', 'Bowen'),
      person('nestor', 'Nestor', 'Wilke'),
    ],
    groups: [
      {
        objectId: DEMO_IDS.sales,
        displayName: 'Sales and Marketing',
        members: [DEMO_IDS.adele, DEMO_IDS.alex, DEMO_IDS.megan],
      },
      {
        objectId: DEMO_IDS.engineering,
        displayName: 'Engineering',
        members: [DEMO_IDS.diego, DEMO_IDS.nestor],
      },
    ],
    assignments: [
      DEMO_IDS.adele,
      DEMO_IDS.alex,
      DEMO_IDS.diego,
      DEMO_IDS.megan,
      DEMO_IDS.nestor,
      DEMO_IDS.sales,
      DEMO_IDS.engineering,
    ],
  };
}

/** Whether a user is in the app's scope (assigned directly or through an assigned group). */
export function isAssigned(directory: Directory, objectId: string): boolean {
  return userScope(directory, objectId) !== 'not assigned';
}

/** Provision on demand's pick: the first assigned user the job has not provisioned yet. */
export function nextToProvision(
  directory: Directory,
  provisioned: ReadonlySet<string>,
): DirectoryUser | null {
  return (
    directory.users.find(
      (user) => isAssigned(directory, user.objectId) && !provisioned.has(user.objectId),
    ) ?? null
  );
}

/**
 * Unassign's pick: the first assigned user the job has provisioned, so the cycle that follows
 * has someone to deprovision (PATCH active false).
 */
export function nextToUnassign(
  directory: Directory,
  provisioned: ReadonlySet<string>,
): DirectoryUser | null {
  return (
    directory.users.find(
      (user) => isAssigned(directory, user.objectId) && provisioned.has(user.objectId),
    ) ?? null
  );
}

/**
 * The directory with a user out of the app's scope: its assignment removed and, since a member
 * of an assigned group stays in scope, its memberships of assigned groups too (what the admin
 * does in Entra to take that person out).
 */
export function unassign(directory: Directory, objectId: string): Directory {
  const assigned = new Set(directory.assignments);
  return {
    users: directory.users,
    groups: directory.groups.map((group) =>
      assigned.has(group.objectId)
        ? { ...group, members: group.members.filter((member) => member !== objectId) }
        : group,
    ),
    assignments: directory.assignments.filter((id) => id !== objectId),
  };
}
