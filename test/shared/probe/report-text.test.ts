import { describe, expect, it } from 'vitest';

import { MAX_CLIPBOARD_TEXT_CHARS } from '../../../shared/clipboard-limit';
import type { ProbeCheck } from '../../../shared/probe/report';
import {
  adminAction,
  checksInReadingOrder,
  entraSummary,
  reportBanner,
  reportVerdict,
  SEND_TO_SUPPORT,
  skippedGroups,
  terminalReportText,
  ticketReportText,
  WARNING_ACTION,
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
        'SCIM connection check — https://scim.example.test/scim/c1?aadOptscim062020',
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
  it('puts failures first with the admin’s next step, then every other check with its id and status', () => {
    expect(ticketReportText(mixed)).toBe(
      [
        'SCIM Setup Assistant: connection check',
        'Tenant URL: https://scim.example.test/scim/c1?aadOptscim062020',
        'Started: 2026-11-20T10:00:00.000Z (took 140 ms)',
        'Result: Entra’s Test Connection would pass, but provisioning would fail. 1 of 4 checks failed.',
        '',
        '[FAIL] write-cycle · Write cycle: The create failed.',
        `  What to do: ${SEND_TO_SUPPORT}`,
        '  Entra shows (approximately): Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
        '  Server-side fix: Accept POST.',
        '  Sent: GET https://scim.example.test/scim/c1/Users',
        '  Received: HTTP 500 (no content type)',
        '[WARN] groups · Groups query: No groups.',
        `  What to do: ${WARNING_ACTION}`,
        '  Server-side fix: Turn groups off.',
        '[PASS] test-connection · Entra Test Connection: HTTP 200 with an empty ListResponse.',
        '  Entra shows (approximately): Authorized.',
        '  Sent: GET https://scim.example.test/scim/c1/Users',
        '[SKIP] discovery · Discovery: Skipped.',
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

/** The sandbox's faulty organization (Initech): its answer to Entra's query, as the probe reports it. */
const notFound = probeCheck({
  status: 'fail',
  title: 'Test Connection (as Entra sends it)',
  message: 'The server answered 404 Not Found to a query for a user that does not exist.',
  fix: 'Return an empty list, not 404.',
  entraWouldSay:
    'You appear to have entered invalid credentials. Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable Details: We received this unexpected response from your application: Response Status Code: NotFound Response Content: {"status":"404"}',
  request,
  response: { status: 404, contentType: 'application/scim+json', bodyExcerpt: '{"status":"404"}' },
});
const skippedAfter = (id: ProbeCheck['id'], title: string) =>
  probeCheck({
    id,
    title,
    status: 'skip',
    message: 'Skipped because “Test Connection (as Entra sends it)” failed; fix that first.',
  });

describe('reportBanner()', () => {
  it('says a run fails like Entra would when Entra’s own query failed', () => {
    expect(reportBanner(probeReport([probeCheck({ id: 'url' }), notFound]))).toEqual({
      verdict: 'fail',
      title: 'Fails, like Entra’s Test Connection would.',
      detail: '1 of 2 checks failed. Start with the first one below.',
    });
  });

  it('tells warnings apart from a pass, in words', () => {
    expect(reportBanner(probeReport([probeCheck(), probeCheck({ status: 'warn' })]))).toEqual({
      verdict: 'warn',
      title: 'Passed, with warnings.',
      detail: 'Entra’s Test Connection should succeed; 1 warning below is worth a look.',
    });
    expect(
      reportBanner(probeReport([probeCheck(), probeCheck({ id: 'tls', status: 'skip' })])),
    ).toEqual({
      verdict: 'pass',
      title: 'Passed: Entra’s Test Connection should succeed.',
      detail: '1 check passed, 1 skipped.',
    });
  });
});

describe('checksInReadingOrder() and skippedGroups()', () => {
  it('lists failures, then warnings, then passes, and folds skips with the same reason into one line', () => {
    const checks = [
      probeCheck({ id: 'url', title: 'URL' }),
      probeCheck({ id: 'tls', title: 'TLS', status: 'warn' }),
      notFound,
      skippedAfter('auth-enforced', 'Auth'),
      skippedAfter('groups', 'Groups'),
      skippedAfter('discovery', 'Discovery'),
    ];
    expect(checksInReadingOrder(checks).map((check) => check.id)).toEqual([
      'test-connection',
      'tls',
      'url',
    ]);
    const groups = skippedGroups(checks);
    expect(groups.map((group) => group.line)).toEqual([
      '3 checks skipped because “Test Connection (as Entra sends it)” failed; fix that first.',
    ]);
    expect(groups[0]?.checks.map((check) => check.id)).toEqual([
      'auth-enforced',
      'groups',
      'discovery',
    ]);
  });

  it('words a lone skip with its own reason', () => {
    const plain = probeCheck({ id: 'tls', status: 'skip', message: 'Plain http: no TLS.' });
    expect(skippedGroups([plain]).map((group) => group.line)).toEqual([
      '1 check skipped: Plain http: no TLS.',
    ]);
  });
});

describe('adminAction()', () => {
  it('sends the admin to the Tenant URL first when Entra’s query finds no such endpoint', () => {
    expect(adminAction(notFound)).toMatch(/^Check the Tenant URL in Entra/);
    expect(adminAction(notFound)).toContain('send this report to Stytch support');
  });

  it('asks for a new token when the server refuses the token', () => {
    const refused = { ...notFound, response: { ...notFound.response!, status: 401 } };
    expect(adminAction(refused)).toMatch(/^Rotate the token/);
  });

  it('gives the URL check’s own fix, which is the admin’s to make', () => {
    expect(
      adminAction(probeCheck({ id: 'url', status: 'fail', fix: 'Remove the trailing slash.' })),
    ).toBe('Remove the trailing slash.');
  });

  it('hands a server-side failure to Stytch support, and says nothing for a pass', () => {
    expect(
      adminAction(probeCheck({ id: 'auth-enforced', status: 'fail', response: notFound.response })),
    ).toBe(SEND_TO_SUPPORT);
    expect(adminAction(probeCheck())).toBeNull();
  });
});

describe('entraSummary()', () => {
  it('keeps Entra’s headline and error code, leaving the raw answer to be shown once elsewhere', () => {
    expect(entraSummary(notFound.entraWouldSay ?? '')).toBe(
      'You appear to have entered invalid credentials. Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable',
    );
    expect(entraSummary('Authorized.')).toBe('Authorized.');
  });
});
