import { describe, expect, it } from 'vitest';

import { redactText, registerSecret } from '../../../main/logging/redact';

describe('redactText() masks secrets nobody registered, by their shape', () => {
  it.each([
    [
      'a lower-case authorization header with a lower-case scheme',
      'sent authorization: bearer x',
      'sent authorization: bearer [redacted]',
    ],
    ['an upper-case BEARER scheme', 'retried with BEARER x', 'retried with BEARER [redacted]'],
    [
      'an access_token query value',
      'GET https://scim.example.com/Users?access_token=q8Zr2LmN5tYv&count=1',
      'GET https://scim.example.com/Users?access_token=[redacted]&count=1',
    ],
    [
      'a token query value',
      'redirected to /callback?state=abc&token=tk_91af33e2#done',
      'redirected to /callback?state=abc&token=[redacted]#done',
    ],
    [
      'a secret query value',
      'POST /v1/oauth?secret=S3cr3tValue-42 failed',
      'POST /v1/oauth?secret=[redacted] failed',
    ],
    [
      'a password query value',
      'login?user=admin&password=hunter2!',
      'login?user=admin&password=[redacted]',
    ],
    [
      'the user and password in a URL',
      'proxy https://admin:pa55w0rd@proxy.corp.example:8080/ refused',
      'proxy https://[redacted]@proxy.corp.example:8080/ refused',
    ],
    [
      'a percent-encoded Bearer header value',
      'GET /echo?h=Authorization%3A%20Bearer%20tok%2Babc123',
      'GET /echo?h=Authorization%3A%20Bearer%20[redacted]',
    ],
  ])('masks %s', (_what, text, masked) => {
    expect(redactText(text)).toBe(masked);
  });

  it('leaves prose about bearer tokens and basic checks readable', () => {
    const prose = 'Paste the bearer token into Entra; basic checks passed.';
    expect(redactText(prose)).toBe(prose);
  });
});

describe('registerSecret()', () => {
  it('ignores a value too short to be a secret, so a common word does not mask ordinary text', () => {
    registerSecret('ListResponse', 'probe');
    const text = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
    expect(redactText(text)).toBe(text);
  });

  it('masks a registered secret-like value wherever it appears', () => {
    registerSecret('scim-token-Vb7Qe2Rk9Lm4Tx8Wz', 'stytch');
    expect(redactText('got scim-token-Vb7Qe2Rk9Lm4Tx8Wz back')).toBe('got [redacted] back');
  });

  it('keeps a bounded set: after 10,000 registrations the oldest ones are no longer masked', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => `noted-${i}-Qx7Lm2Vb9Rk4Tz`);
    for (const value of values) registerSecret(value, 'probe');
    expect(redactText(values[0] ?? '')).toBe(values[0]);
    expect(redactText(values.at(-1) ?? '')).toBe('[redacted]');
  });
});
