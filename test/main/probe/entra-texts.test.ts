import { describe, expect, it } from 'vitest';

import { entraFailureText, type EntraSeenAnswer } from '../../../main/probe/entra-texts';
import { PROVISIONING_LOG_CODES } from '../../../main/probe/provisioning-log-codes';
import { ENTRA_SHOWS_NO_ANSWER, entraShowsAnswer, literally } from './support/entra-shows';

const answer = (changes: Partial<EntraSeenAnswer> = {}): EntraSeenAnswer => ({
  method: 'GET',
  url: 'https://scim.example.test/scim/Users?filter=userName+eq+%22a%22',
  status: 500,
  content: '',
  ...changes,
});

const codeOf = (text: string): string => /Error code: (\S+) Details:/.exec(text)?.[1] ?? '';

describe('what a failed Test Connection shows', () => {
  it('fills Microsoft’s template with the request as Entra writes it: literal quotes, .NET’s status name', () => {
    expect(entraFailureText(answer({ content: '{"detail":"down"}' }))).toMatch(
      entraShowsAnswer({
        code: 'Unavailable',
        resource: literally('https://scim.example.test/scim/Users?filter=userName+eq+"a"'),
        status: 'InternalServerError',
        content: literally('{"detail":"down"}'),
      }),
    );
  });

  it('says …Failure for a 4xx refusal and …Unavailable for 404, 5xx, an unexpected 2xx or 3xx', () => {
    for (const status of [400, 401, 403, 405, 429]) {
      expect(codeOf(entraFailureText(answer({ status }))), String(status)).toBe(
        'SystemForCrossDomainIdentityManagementCredentialValidationFailure',
      );
    }
    for (const status of [200, 302, 404, 500, 503]) {
      expect(codeOf(entraFailureText(answer({ status }))), String(status)).toBe(
        'SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
      );
    }
  });

  it('prints a status .NET has no name for as its number, as .NET does', () => {
    expect(entraFailureText(answer({ status: 418 }))).toContain(' Response Status Code: 418 ');
  });

  it('shows the start of the body on one line, cut at 300 characters', () => {
    const text = entraFailureText(answer({ content: `<html>\n  <body>${'x'.repeat(400)}` }));
    const content = text.split('Response Content: ')[1] ?? '';
    expect(content).toBe(`<html> <body>${'x'.repeat(287)}…`);
  });

  it('shows .NET’s "An error occurred while sending the request." when no answer came', () => {
    expect(entraFailureText(null)).toMatch(ENTRA_SHOWS_NO_ANSWER);
  });

  it('never shows a provisioning-log code as the error code', () => {
    const codes = [null, ...Array.from({ length: 500 }, (_, i) => 100 + i)].map((status) =>
      codeOf(entraFailureText(status === null ? null : answer({ status }))),
    );
    for (const code of Object.keys(PROVISIONING_LOG_CODES)) expect(codes).not.toContain(code);
  });
});
