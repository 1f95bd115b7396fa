import { describe, expect, it } from 'vitest';

import { MAX_CLIPBOARD_TEXT_CHARS, type ProbeCheck } from '../../../shared/probe/report';
import {
  reportVerdict,
  terminalReportText,
  ticketReportText,
} from '../../../shared/probe/report-text';
import { probeCheck, probeReport as reportOf } from '../../support/probe-fixtures';

const BASE_URL = 'https://scim.example.test/scim/c1?aadOptscim062020';
const probeReport = (checks: ProbeCheck[]) => reportOf(checks, BASE_URL);

const request = { method: 'GET', url: 'https://scim.example.test/scim/c1/Users', headers: {} };

/** One check of each status, each carrying every detail a check can have. */
const mixed = probeReport([
  probeCheck({ entraWouldSay: 'Authorized.', request }),
  probeCheck({
    id: 'groups',
    title: 'Groups query',
    status: 'warn',
    message: 'No groups.',
    fix: 'Turn groups off.',
  }),
  probeCheck({
    id: 'write-cycle',
    title: 'Write cycle',
    status: 'fail',
    message: 'The create failed.',
    fix: 'Accept POST.',
    entraWouldSay:
      'Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
    request,
    response: { status: 500, contentType: null, bodyExcerpt: '' },
    exchanges: [
      { label: 'read', status: 'pass', message: 'Read back.', request, durationMs: 3 },
      { label: 'create', status: 'fail', message: 'Create answered 500.', request, durationMs: 4 },
    ],
  }),
  probeCheck({
    id: 'discovery',
    title: 'Discovery',
    status: 'skip',
    message: 'Skipped.',
    fix: 'Fix the rest.',
  }),
]);

describe('terminalReportText()', () => {
  it('marks each check and puts the fix, Entra’s verdict on failures and failing requests under checks that need attention', () => {
    expect(terminalReportText(mixed)).toBe(
      [
        'SCIM connection probe — https://scim.example.test/scim/c1?aadOptscim062020',
        '',
        '✓ Entra Test Connection — HTTP 200 with an empty ListResponse.',
        '! Groups query — No groups.',
        '    fix: Turn groups off.',
        '✗ Write cycle — The create failed.',
        '    fix: Accept POST.',
        '    Entra shows (approximately): Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
        '    ✗ create: Create answered 500.',
        '○ Discovery — Skipped.',
        '',
        'Some checks failed: 1 passed, 1 warned, 1 failed, 1 skipped (140 ms).',
        '',
      ].join('\n'),
    );
  });

  it('says no check failed when only warnings remain', () => {
    expect(terminalReportText(probeReport([probeCheck({ status: 'warn' })]))).toMatch(
      /\nNo check failed: 0 passed, 1 warned, 0 failed, 0 skipped \(140 ms\)\.\n$/,
    );
  });
});

describe('ticketReportText()', () => {
  it('tags each check and gives Entra’s verdict, the fix, and the method, URL and status sent and received', () => {
    expect(ticketReportText(mixed)).toBe(
      [
        'SCIM Setup Assistant: connection test',
        'Tenant URL: https://scim.example.test/scim/c1?aadOptscim062020',
        'Started: 2026-11-20T10:00:00.000Z (took 140 ms)',
        'Result: 1 of 4 checks failed.',
        '',
        '[PASS] Entra Test Connection: HTTP 200 with an empty ListResponse.',
        '  Entra shows (approximately): Authorized.',
        '  Sent: GET https://scim.example.test/scim/c1/Users',
        '[WARN] Groups query: No groups.',
        '  Fix: Turn groups off.',
        '[FAIL] Write cycle: The create failed.',
        '  Entra shows (approximately): Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
        '  Fix: Accept POST.',
        '  Sent: GET https://scim.example.test/scim/c1/Users',
        '  Received: HTTP 500 (no content type)',
        '[SKIP] Discovery: Skipped.',
        '  Fix: Fix the rest.',
      ].join('\n'),
    );
  });

  it('fits the clipboard limit when a report is long, saying it was cut', () => {
    const checks = Array.from({ length: 9 }, (_, i) =>
      probeCheck({
        title: `Check ${i}`,
        status: 'fail',
        message: 'x'.repeat(600),
        fix: 'y'.repeat(300),
      }),
    );
    const text = ticketReportText(probeReport(checks));
    expect(text.length).toBeLessThanOrEqual(MAX_CLIPBOARD_TEXT_CHARS);
    expect(text.endsWith('… (cut to fit the clipboard limit)')).toBe(true);
  });
});

describe('reportVerdict()', () => {
  it('words the verdict by failures first, then warnings', () => {
    expect(reportVerdict(probeReport([probeCheck(), probeCheck({ status: 'fail' })]))).toBe(
      '1 of 2 checks failed.',
    );
    expect(reportVerdict(probeReport([probeCheck({ status: 'warn' })]))).toBe(
      'No failures; 1 warning.',
    );
    expect(reportVerdict(probeReport([probeCheck({ status: 'skip' })]))).toBe('All checks passed.');
  });
});
