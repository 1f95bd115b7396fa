import { describe, expect, it } from 'vitest';

import { createLogger, type LogRecord } from '../../../main/logging/logger';
import { redact, redactText, registerSecret } from '../../../main/logging/redact';

describe('createLogger()', () => {
  it('masks secret-named fields, bearer headers and registered secrets', () => {
    const records: LogRecord[] = [];
    const logger = createLogger((record) => records.push(record));
    registerSecret('9LmcAfUxGGMSNzfROGY762wTD3A6DQsD3hmxbrAJaEjTsdko', 'stytch');
    logger.info('scim.created', {
      connectionId: 'scim-connection-test-1',
      bearer_token: 'anything',
      headers: { Authorization: 'Bearer abc.def' },
      note: 'token 9LmcAfUxGGMSNzfROGY762wTD3A6DQsD3hmxbrAJaEjTsdko was saved',
      secret: 'secret-test-abcdefghijklmnop',
    });
    const text = JSON.stringify(records);
    expect(text).toContain('scim-connection-test-1');
    expect(text).not.toContain('9LmcAfUxGGMSNzfROGY762wTD3A6DQsD3hmxbrAJaEjTsdko');
    expect(text).not.toContain('abc.def');
    expect(text).not.toContain('secret-test-abcdefghijklmnop');
  });
});

describe('createLogger() line size', () => {
  it('cuts a 10 MB value and a 10 MB key, so one line stays a few kilobytes', () => {
    const records: LogRecord[] = [];
    const logger = createLogger((record) => records.push(record));
    const tenMegabytes = 'k'.repeat(10 * 1024 * 1024);
    logger.warn('ipc.invalid-request', {
      fields: tenMegabytes,
      nested: { [tenMegabytes]: 'bad value' },
      many: Array.from({ length: 100_000 }, (_, i) => i),
    });
    expect(JSON.stringify(records).length).toBeLessThan(20_000);
  });
});

describe('redactText()', () => {
  it('masks a Stytch secret and an Authorization value inside free text', () => {
    expect(redactText('used secret-live-Zz09_abcdEF and Basic cHJvamVjdDpzZWNyZXQ=')).toBe(
      'used [redacted] and Basic [redacted]',
    );
  });

  it('keeps error names but masks their messages', () => {
    expect(redact(new Error('failed with Bearer tok123'))).toEqual({
      name: 'Error',
      message: 'failed with Bearer [redacted]',
    });
  });
});
