import { TEST_USER_NAME } from '../../shared/wizard/entra-steps';
import type { Directory, DirectoryUser } from './entra-simulator/directory';

/**
 * Object ids in Entra's shape (GUIDs) of Contoso's people and groups, fixed so a run's externalIds
 * are the same every time and tests can name them.
 */
export const DEMO_IDS = {
  adele: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000001',
  alex: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000002',
  diego: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000003',
  megan: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000004',
  nestor: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000005',
  sales: '9e47a2d1-58c0-4f3e-8b6a-0c0fee000101',
  engineering: '9e47a2d1-58c0-4f3e-8b6a-0c0fee000102',
  testUser: '6d1c0c8e-3b7a-4c52-9a41-0c0fee000099',
} as const;

/** Contoso's people (Microsoft's demo-tenant names): given name and surname, by their key. */
const PEOPLE = {
  adele: ['Adele', 'Vance'],
  alex: ['Alex', 'Wilber'],
  diego: ['Diego', 'Siciliani'],
  megan: ['Megan', 'Bowen'],
  nestor: ['Nestor', 'Wilke'],
} as const;

/** A Contoso user, by key. */
export type ContosoPerson = keyof typeof PEOPLE;

/** One of Contoso's users, as its directory holds them (enabled, signing in as first.last). */
export function contosoUser(key: ContosoPerson): DirectoryUser {
  const [givenName, surname] = PEOPLE[key];
  const nickname = `${givenName}.${surname}`.toLowerCase();
  return {
    objectId: DEMO_IDS[key],
    userPrincipalName: `${nickname}@contoso.com`,
    mail: `${nickname}@contoso.com`,
    givenName,
    surname,
    mailNickname: nickname,
    displayName: `${givenName} ${surname}`,
    accountEnabled: true,
  };
}

/**
 * The sandbox's one Entra tenant, Contoso: five people and two groups of direct members (Entra
 * reads only those), nothing assigned to an app yet. A new copy every call.
 */
export function contosoDirectory(): Directory {
  return {
    users: (Object.keys(PEOPLE) as ContosoPerson[]).map(contosoUser),
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
    assignments: [],
  };
}

/**
 * The test user the assistant creates in Contoso on request (step 7's optional deprovisioning
 * proof): someone to assign and unassign, so that proving deprovisioning removes nobody's access.
 */
export function contosoTestUser(): DirectoryUser {
  return {
    objectId: DEMO_IDS.testUser,
    userPrincipalName: 'scim.check@contoso.com',
    mail: 'scim.check@contoso.com',
    givenName: 'Test User',
    surname: 'SCIM check',
    mailNickname: 'scim.check',
    displayName: TEST_USER_NAME,
    accountEnabled: true,
  };
}
