import { describe, expect, it } from 'vitest';

import { matching } from '../../support/matching';
import { analyzeTarget } from '../../../main/probe/probe-target';

const STYTCH_URL =
  'https://test.stytch.com/v1/b2b/scim/scim-connection-test-cdd5415a-c470-42be-8369-5c90cf7762dc?aadOptscim062020';

describe('the url check', () => {
  it('passes a Stytch base_url with the Entra flag, and strips the flag from requests', () => {
    const { outcome, target } = analyzeTarget(STYTCH_URL, 'token-abc');
    expect(outcome.status).toBe('pass');
    expect(target).toMatchObject({
      base: 'https://test.stytch.com/v1/b2b/scim/scim-connection-test-cdd5415a-c470-42be-8369-5c90cf7762dc',
      keptQuery: [],
      entraFlag: true,
      host: 'test.stytch.com',
      port: 443,
      plainHttpLoopback: false,
    });
  });

  it('warns and explains when the aadOptscim062020 flag is missing', () => {
    const { outcome, target } = analyzeTarget(
      STYTCH_URL.replace('?aadOptscim062020', ''),
      'token-abc',
    );
    expect(outcome.status).toBe('warn');
    expect(outcome.message).toMatch(/no “\?aadOptscim062020”.*"active": "False"/);
    expect(outcome.fix).toMatch(/Add “\?aadOptscim062020”/);
    expect(target?.entraFlag).toBe(false);
  });

  it('warns when the flag appears twice', () => {
    expect(analyzeTarget(`${STYTCH_URL}&aadOptscim062020`, 't').outcome.message).toMatch(
      /appears 2 times/,
    );
  });

  it('keeps other query parameters on every request', () => {
    const { target } = analyzeTarget(
      'https://scim.example.com/v2?tenant=acme&aadOptscim062020',
      't',
    );
    expect(target?.keptQuery).toEqual([['tenant', 'acme']]);
  });

  it('fails a URL that ends with /Users, because Entra appends it itself', () => {
    const { outcome, target } = analyzeTarget(
      'https://scim.example.com/scim/Users?aadOptscim062020',
      't',
    );
    expect(outcome).toMatchObject({
      status: 'fail',
      fix: 'Remove “/Users” from the end of the Tenant URL.',
    });
    expect(target).toBeNull();
  });

  it('fails a URL that ends with a specific resource like /Groups/123', () => {
    expect(analyzeTarget('https://scim.example.com/scim/Groups/123', 't').outcome.status).toBe(
      'fail',
    );
  });

  it('warns about a trailing slash and removes it', () => {
    const { outcome, target } = analyzeTarget(
      'https://scim.example.com/scim/?aadOptscim062020',
      't',
    );
    expect(outcome).toMatchObject({
      status: 'warn',
      message: matching(/ends with a slash/),
    });
    expect(target?.base).toBe('https://scim.example.com/scim');
  });

  it('fails plain http to a remote host, quoting Microsoft and claiming no Entra text', () => {
    const { outcome } = analyzeTarget('http://scim.example.com/scim?aadOptscim062020', 't');
    expect(outcome.status).toBe('fail');
    expect(outcome.fix).toMatch(/Microsoft: “Support HTTPS on your SCIM endpoint\.”/);
    expect(outcome.entraWouldSay).toBeUndefined();
  });

  it('allows plain http on loopback only, flagged with Microsoft’s HTTPS requirement', () => {
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', '127.4.5.6']) {
      const { outcome, target } = analyzeTarget(`http://${host}/scim?aadOptscim062020`, 't');
      expect(outcome.status, host).toBe('warn');
      expect(outcome.fix).toMatch(
        /^Use an https:\/\/ Tenant URL for Entra\. Microsoft: “Support HTTPS/,
      );
      expect(target?.plainHttpLoopback).toBe(true);
    }
    expect(analyzeTarget('http://[::1]:8080/scim', 't').target?.host).toBe('::1');
  });

  it('fails what is not a URL, and schemes other than http(s)', () => {
    expect(analyzeTarget('scim.example.com/scim', 't').outcome.status).toBe('fail');
    expect(analyzeTarget('https://scim.example.com/a b', 't').outcome.status).toBe('fail');
    expect(analyzeTarget('ftp://scim.example.com/scim', 't').outcome.message).toMatch(
      /not a web address scheme/,
    );
  });

  it('trims whitespace around a pasted URL, with a warning', () => {
    const { outcome, target } = analyzeTarget(`  ${STYTCH_URL}\n`, 't');
    expect(outcome).toMatchObject({
      status: 'warn',
      message: matching(/spaces or line breaks around it/),
    });
    expect(target?.host).toBe('test.stytch.com');
  });

  it('removes a pasted “Bearer ” prefix from the token and explains why Entra would be refused', () => {
    const { outcome, target } = analyzeTarget(STYTCH_URL, 'Bearer abc123');
    expect(outcome).toMatchObject({
      status: 'warn',
      message: matching(/“Bearer Bearer …”/),
    });
    expect(target?.token).toBe('abc123');
  });

  it('trims whitespace around the token, and fails a token with spaces inside or none at all', () => {
    expect(analyzeTarget(STYTCH_URL, ' abc123 ').target?.token).toBe('abc123');
    expect(analyzeTarget(STYTCH_URL, 'abc 123').outcome.status).toBe('fail');
    expect(analyzeTarget(STYTCH_URL, '   ').outcome).toMatchObject({
      status: 'fail',
      message: matching(/empty/),
    });
  });

  it('never puts the token into the check’s message or fix', () => {
    const { outcome } = analyzeTarget(STYTCH_URL, '  Bearer secret-token-value-xyz ');
    expect(JSON.stringify(outcome)).not.toContain('secret-token-value-xyz');
  });

  it('says which origin the token will be sent to', () => {
    expect(analyzeTarget(STYTCH_URL, 'token-abc').outcome.message).toContain(
      'The token will be sent to https://test.stytch.com.',
    );
    expect(
      analyzeTarget('https://scim.example.com:8443/scim/?aadOptscim062020', 't').outcome.message,
    ).toContain('The token will be sent to https://scim.example.com:8443.');
  });
});

describe('the url check against addresses that hide their host', () => {
  it.each([
    {
      trick: 'a backslash, which is read as “/”',
      url: 'https://evil.example\\@scim.example.com/scim?aadOptscim062020',
      message: /backslash.*sent to https:\/\/evil\.example\b/,
    },
    {
      trick: '“#@” in front of the host it seems to name',
      url: 'https://evil.example#@scim.example.com/scim?aadOptscim062020',
      message: /looks as if it pointed at scim\.example\.com.*sent to https:\/\/evil\.example\b/,
    },
    {
      trick: '“?@” in front of the host it seems to name',
      url: 'https://evil.example?@scim.example.com/scim',
      message: /looks as if it pointed at scim\.example\.com.*sent to https:\/\/evil\.example\b/,
    },
    {
      trick: 'a user name',
      url: 'https://user@scim.example.com/scim?aadOptscim062020',
      message: /user name or password.*sent to https:\/\/scim\.example\.com\b/,
    },
    {
      trick: 'a user name and password',
      url: 'https://scim.example.com:pass@evil.example/scim?aadOptscim062020',
      message: /user name or password.*sent to https:\/\/evil\.example\b/,
    },
    {
      trick: 'an empty user name',
      url: 'https://@scim.example.com/scim?aadOptscim062020',
      message: /user name or password.*sent to https:\/\/scim\.example\.com\b/,
    },
  ])('fails a URL with $trick, saying where the token would go', ({ url, message }) => {
    const { outcome, target } = analyzeTarget(url, 'token-abc');
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(message);
    expect(target).toBeNull();
  });
});
