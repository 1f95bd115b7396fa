/**
 * The user Entra POSTs, with objectId mapped to externalId as Stytch requires: for tests and
 * benchmarks that fill a SCIM endpoint directly. No vitest here, so bench/ can load it.
 */
export function entraUser(userName: string, externalId: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    externalId,
    userName,
    active: true,
    displayName: userName.split('@')[0],
    emails: [{ primary: true, type: 'work', value: userName }],
    name: { formatted: `Name of ${userName}`, familyName: 'Family', givenName: 'Given' },
  };
}
