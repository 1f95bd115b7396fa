import { describe, expect, it } from 'vitest';

import {
  MAX_REPORT_CHARS,
  probeReportText,
  reportVerdict,
} from '../../../renderer/features/probe/probe-report-text';
import { probeCheck, probeReport } from '../fixtures';

describe('probeReportText()', () => {
  it('fits the clipboard limit when a report is long, saying it was cut', () => {
    const checks = Array.from({ length: 9 }, (_, i) =>
      probeCheck({
        title: `Check ${i}`,
        status: 'fail',
        message: 'x'.repeat(600),
        fix: 'y'.repeat(300),
      }),
    );
    const text = probeReportText(probeReport(checks));
    expect(text.length).toBeLessThanOrEqual(MAX_REPORT_CHARS);
    expect(text.endsWith('… (cut to fit the clipboard limit)')).toBe(true);
  });

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
