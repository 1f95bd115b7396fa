import { useId } from 'react';

import type { ProbeReport } from '../../../shared/probe/report';
import { reportBanner, type ReportOutcome } from '../../../shared/probe/report-text';
import { formatTimestamp } from '../../lib/timestamp';

const NOTICE_CLASS: Record<ReportOutcome, string> = {
  pass: 'notice-success',
  warn: 'notice-warning',
  fail: 'notice-error',
};

/** The finished run's verdict, in words first (the colour only repeats them). */
export function ReportBanner({ report }: { report: ProbeReport }) {
  const titleId = useId();
  const banner = reportBanner(report);
  return (
    <div
      className={`notice ${NOTICE_CLASS[banner.verdict]} report-banner`}
      role="group"
      aria-labelledby={titleId}
    >
      <p className="notice-title" id={titleId}>
        {banner.title}
      </p>
      <p className="notice-message">{banner.detail}</p>
      <p className="notice-meta">
        Checked <time dateTime={report.startedAt}>{formatTimestamp(report.startedAt)}</time>,
        against {report.baseUrl}
      </p>
    </div>
  );
}
