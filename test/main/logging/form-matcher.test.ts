import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { FormMatcher, replaceRanges } from '../../../main/logging/form-matcher';
import { HeldSecrets, redactText, registerSecret } from '../../../main/logging/redact';
import { maskForms } from '../../../main/logging/secret-registry';

function token(): string {
  return randomBytes(30).toString('base64url');
}

function base64(text: string, alphabet: 'base64' | 'base64url' = 'base64'): string {
  return Buffer.from(text, 'utf8').toString(alphabet);
}

describe('masking with one matcher for every registered secret', () => {
  it('masks a token registered after masking already ran, as written and in its encodings', () => {
    // A sweep's situation: many probe tokens noted, text masked, then one more run's token.
    for (let index = 0; index < 60; index += 1) registerSecret(token(), 'probe');
    expect(redactText('nothing secret here yet')).toBe('nothing secret here yet');
    const late = `${token()}+/`;
    registerSecret(late, 'probe');

    expect(redactText(`said ${late} back`)).toBe('said [redacted] back');
    expect(redactText(`b64 ${base64(late)} end`)).toBe('b64 [redacted] end');
    expect(redactText(`b64url ${base64(late, 'base64url')} end`)).toBe('b64url [redacted] end');
    // Inside a longer encoded string (a JSON token encoded whole), at each offset.
    for (const lead of ['', 'a', 'ab']) {
      const encoded = base64(`{"k":"${lead}${late}"}`);
      expect(redactText(encoded)).not.toContain(base64(late).slice(4, 20));
      expect(redactText(encoded)).toContain('[redacted]');
    }
  });

  it('masks an id:secret pair held after masking already ran, in its Basic encodings', () => {
    expect(redactText('warm the matcher')).toBe('warm the matcher');
    const secret = `secret-late-${token()}`;
    const held = new HeldSecrets();
    held.hold('stytch-project-secret', secret, 'project-test-0a1b2c3d');
    const basic = base64(`project-test-0a1b2c3d:${secret}`);

    expect(redactText(`Authorization header was ${basic}.`)).toBe(
      'Authorization header was [redacted].',
    );
    expect(redactText(`id project-test-0a1b2c3d, ${secret}`)).toBe(
      'id project-test-0a1b2c3d, [redacted]',
    );
    held.release('stytch-project-secret');
    expect(redactText(`after release ${secret}`)).toBe(`after release ${secret}`);
  });

  it('masks overlapping occurrences of two secrets as one span, leaving no part of either shown', () => {
    const outer = 'Q7vLm2Xp9sKd4Rt8Wn3Zb6Yc';
    const inner = outer.slice(4, 20);
    const other = `${outer.slice(12)}Hj5Gf1Ea0Du`;
    registerSecret(inner, 'graph');
    registerSecret(other, 'graph');

    // Masking the longer one first, then the rest, left "m2Xp9sKd" of the inner one readable.
    expect(redactText(`x ${outer}Hj5Gf1Ea0Du y`)).toBe(`x ${outer.slice(0, 4)}[redacted] y`);
  });

  it('finds a string shorter than the hash window too, rather than throwing', () => {
    const matcher = new FormMatcher(['short-one', 'a-longer-form-of-twenty']);

    expect(replaceRanges('x short-one y a-longer-form-of-twenty short-one-z', [matcher], '#')).toBe(
      'x # y # #-z',
    );
  });

  it('does the same work per text with 1,000 secrets registered as with 10 (counted, not timed)', () => {
    const shared = token();
    const few = new FormMatcher([shared, ...Array.from({ length: 9 }, token)].flatMap(maskForms));
    const many = new FormMatcher(
      [shared, ...Array.from({ length: 999 }, token)].flatMap(maskForms),
    );
    const texts = Array.from(
      { length: 200 },
      (_, index) => `line ${index}: GET /Users?filter=x ${index % 7 === 0 ? shared : ''} 200 OK`,
    );

    const fewMasked = texts.map((text) => replaceRanges(text, [few], '[redacted]'));
    const manyMasked = texts.map((text) => replaceRanges(text, [many], '[redacted]'));

    expect(manyMasked).toEqual(fewMasked);
    expect(fewMasked.filter((text) => text.includes('[redacted]'))).toHaveLength(29);
    // One step per window and a comparison per hit: the same for both but for rare hash
    // collisions. A per-secret loop would do 100 times as many comparisons with 1,000.
    expect(many.work).toBeLessThan(few.work * 1.05);
  });
});
