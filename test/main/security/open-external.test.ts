import { describe, expect, it } from 'vitest';

import { AppFailure } from '../../../shared/errors';
import { LINKS } from '../../../shared/wizard/links';
import { STEP_CONTENT } from '../../../shared/wizard/content';
import { WIZARD_STEP_IDS } from '../../../shared/wizard/steps';
import { isAllowedExternalUrl, openExternalSafely } from '../../../main/security/open-external';

/** Every outside link the wizard shows: the shared table and each step's links. */
const SHOWN_LINKS = [
  ...new Set([
    ...Object.values(LINKS),
    ...WIZARD_STEP_IDS.flatMap((step) => STEP_CONTENT[step].links.map((link) => link.url)),
  ]),
];

function recordingOpener(): { opened: string[]; opener: (url: string) => Promise<void> } {
  const opened: string[] = [];
  return {
    opened,
    opener: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
  };
}

describe('isAllowedExternalUrl()', () => {
  it.each(SHOWN_LINKS)('allows %s, a link the wizard shows', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade',
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups',
    'https://stytch.com/docs/b2b/guides/scim/overview',
    'https://stytch.com/docs/b2b/api/errors/400#active_scim_connection_exists',
  ])('allows %s, under a path the wizard links to', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://entra.microsoft.com/'],
    ['a look-alike host', 'https://entra.microsoft.com.evil.example/'],
    ['a sub-domain not on the list', 'https://evil.stytch.com/'],
    ['credentials in the URL', 'https://user:pw@stytch.com/docs/'],
    ['an empty user name', 'https://@stytch.com/docs/'],
    ['a backslash before an @', 'https://stytch.com\\@evil.example/'],
    ['backslashes for slashes', 'https:\\\\stytch.com\\docs'],
    ['a scheme without its slashes', 'https:stytch.com/docs/'],
    ['a backslash in the path', 'https://stytch.com/docs\\..\\admin'],
    ['a control character', 'https://stytch.com/docs/\tb2b'],
    ['a local file', 'file:///etc/passwd'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['an odd port', 'https://stytch.com:8443/docs/'],
    ['a host the wizard does not link to', 'https://portal.azure.com/'],
    ['www on a host listed without it', 'https://www.stytch.com/docs/'],
    ['a path the wizard does not link to', 'https://stytch.com/blog/'],
    ['Stytch’s home page', 'https://stytch.com/'],
    ['a path that only starts like an allowed one', 'https://stytch.com/docsevil'],
    ['a dot-dot out of an allowed path', 'https://stytch.com/docs/../blog'],
    ['an encoded dot-dot out of an allowed path', 'https://stytch.com/docs/%2e%2e/blog'],
    ['another Learn area', 'https://learn.microsoft.com/en-us/azure/'],
    ['a path on the Entra admin centre', 'https://entra.microsoft.com/evil'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('openExternalSafely()', () => {
  it('opens an allowed link and refuses others with EXTERNAL_URL_BLOCKED', async () => {
    const { opened, opener } = recordingOpener();
    await openExternalSafely('https://stytch.com/docs', opener);
    const refusal = await openExternalSafely('https://example.com/', opener).catch(
      (error: unknown) => error,
    );
    expect(opened).toEqual(['https://stytch.com/docs']);
    expect(refusal).toBeInstanceOf(AppFailure);
    expect((refusal as AppFailure).appError.code).toBe('EXTERNAL_URL_BLOCKED');
  });

  it('hands the system browser the parsed address, not the string it was given', async () => {
    const { opened, opener } = recordingOpener();
    await openExternalSafely('HTTPS://Stytch.COM:443/docs/./b2b/guides/scim/entra', opener);
    expect(opened).toEqual(['https://stytch.com/docs/b2b/guides/scim/entra']);
  });
});
