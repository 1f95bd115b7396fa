import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateTestCertificates, type TestCertificates } from './support/certs';
import { TEST_CONNECTION_FAULTS } from './support/fault-catalogue';
import { DEEPER_CHECK_FAULTS, tlsFaults } from './support/fault-catalogue-deeper';
import { FAULT_TOKEN } from './support/fault-servers';
import { fetchTrusting } from './support/https-fetch';
import { matching } from '../../support/matching';
import { checkOf, probe } from './support/probe-harness';
import { QUOTED_CODES, internalWordsIn } from '../../support/internal-words';

let certs: TestCertificates;

beforeAll(async () => {
  certs = await generateTestCertificates();
});

afterAll(async () => {
  await certs.dispose();
});

const CATALOGUE = [...TEST_CONNECTION_FAULTS, ...tlsFaults(() => certs), ...DEEPER_CHECK_FAULTS];

describe('fault catalogue: each broken server fails the check that names its fault', () => {
  it('has at least 15 fault servers', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(15);
  });

  it.each(CATALOGUE)('server that $name', async (fault) => {
    const server = await fault.start();
    try {
      const report = await probe(
        `${server.origin}${fault.tenantPath ?? '/scim?aadOptscim062020'}`,
        FAULT_TOKEN,
        {
          // Node's own fetch for http (what the CLI uses); the test CA's fetch for https.
          fetch:
            fault.fetch ?? (server.origin.startsWith('https:') ? fetchTrusting(certs.ca) : fetch),
          ca: [certs.ca],
          writeCycle: fault.writeCycle ?? false,
          ...(fault.timeoutMs === undefined ? {} : { timeoutMs: fault.timeoutMs }),
        },
      );
      const check = checkOf(report, fault.expect.check);
      expect(check.status, check.message).toBe(fault.expect.status);
      // What the case names, it checks: the fix and Entra's words when given, and a failed
      // check fails the whole report.
      const { fix, entraWouldSay, status } = fault.expect;
      expect({ ...check, reportOk: report.ok }).toMatchObject({
        message: matching(fault.expect.message),
        ...(fix ? { fix: matching(fix) } : {}),
        ...(entraWouldSay ? { entraWouldSay: matching(entraWouldSay) } : {}),
        ...(status === 'fail' ? { reportOk: false } : {}),
      });
      for (const id of fault.skipped ?? []) {
        expect(checkOf(report, id)).toMatchObject({
          status: 'skip',
          message: matching(/failed; fix that first/),
        });
      }
      expect(JSON.stringify(report)).not.toContain(FAULT_TOKEN);
      // What the admin reads is in their words. What Entra would say quotes Entra (its .NET
      // status names); the server's fix, written for the SCIM server's developer (and sent to
      // Stytch's support), may name the HTTP method.
      const visible = report.checks.flatMap((c) => [c.title, c.message]);
      expect(visible.flatMap((text) => internalWordsIn(text))).toEqual([]);
      const quotes = report.checks.map((c) => c.entraWouldSay ?? '');
      expect(quotes.flatMap((text) => internalWordsIn(text, [QUOTED_CODES]))).toEqual([]);
      const fixes = report.checks.map((c) => c.fix ?? '');
      expect(fixes.flatMap((text) => internalWordsIn(text, ['PATCH']))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
