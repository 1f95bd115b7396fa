import { describe, expect, it } from 'vitest';

import { AppFailure } from '../../../shared/errors';
import { isAllowedExternalUrl, openExternalSafely } from '../../../main/security/open-external';

describe('isAllowedExternalUrl()', () => {
  it.each([
    'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade',
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups',
    'https://stytch.com/docs/b2b/guides/scim/overview',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://entra.microsoft.com/'],
    ['a look-alike host', 'https://entra.microsoft.com.evil.example/'],
    ['a sub-domain not on the list', 'https://evil.stytch.com/'],
    ['credentials in the URL', 'https://user:pw@stytch.com/'],
    ['a local file', 'file:///etc/passwd'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['an odd port', 'https://stytch.com:8443/'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('openExternalSafely()', () => {
  it('opens an allowed link and refuses others with EXTERNAL_URL_BLOCKED', async () => {
    const opened: string[] = [];
    const opener = (url: string): Promise<void> => {
      opened.push(url);
      return Promise.resolve();
    };
    await openExternalSafely('https://stytch.com/docs', opener);
    const refusal = await openExternalSafely('https://example.com/', opener).catch(
      (error: unknown) => error,
    );
    expect(opened).toEqual(['https://stytch.com/docs']);
    expect(refusal).toBeInstanceOf(AppFailure);
    expect((refusal as AppFailure).appError.code).toBe('EXTERNAL_URL_BLOCKED');
  });
});
