/**
 * Stytch's `identity_provider` values as an admin knows them. The list is Stytch's documented
 * enum (Create and Update SCIM connection, stytch-node's `B2BSCIMConnectionCreateRequest`); its
 * type also allows any string, so a value Stytch adds later is shown as Stytch sent it.
 */
const IDENTITY_PROVIDER_WORDS: ReadonlyMap<string, string> = new Map([
  ['microsoft-entra', 'Microsoft Entra ID'],
  ['okta', 'Okta'],
  ['cyberark', 'CyberArk'],
  ['jumpcloud', 'JumpCloud'],
  ['onelogin', 'OneLogin'],
  ['pingfederate', 'PingFederate'],
  ['rippling', 'Rippling'],
  ['generic', 'Generic SCIM'],
]);

/**
 * A connection's identity provider in words ("Microsoft Entra ID" for `microsoft-entra`); an
 * unknown value is kept as its text, never dropped.
 */
export function identityProviderWords(value: string): string {
  // A Map, not an object: a value such as "constructor" must not find a prototype's member.
  return IDENTITY_PROVIDER_WORDS.get(value) ?? value;
}
