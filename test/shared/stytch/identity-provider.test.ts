import { describe, expect, it } from 'vitest';

import { identityProviderWords } from '../../../shared/stytch/identity-provider';

describe('identityProviderWords()', () => {
  it.each([
    ['microsoft-entra', 'Microsoft Entra ID'],
    ['okta', 'Okta'],
    ['cyberark', 'CyberArk'],
    ['jumpcloud', 'JumpCloud'],
    ['onelogin', 'OneLogin'],
    ['pingfederate', 'PingFederate'],
    ['rippling', 'Rippling'],
    ['generic', 'Generic SCIM'],
  ])('names Stytch’s “%s” as “%s”', (value, words) => {
    expect(identityProviderWords(value)).toBe(words);
  });

  it('keeps a value Stytch adds later as its text, even one named like an object’s member', () => {
    expect(identityProviderWords('google-workspace')).toBe('google-workspace');
    expect(identityProviderWords('constructor')).toBe('constructor');
    expect(identityProviderWords('')).toBe('');
  });
});
