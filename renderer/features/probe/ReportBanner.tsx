import type { ProbeReport } from '../../../shared/probe/report';
import { reportBanner, type ReportOutcome } from '../../../shared/probe/report-text';
import { TitledNotice } from '../../components/TitledNotice';
import { formatTimestamp } from '../../../shared/timestamp';

const TONE: Record<ReportOutcome, 'success' | 'warning' | 'error'> = {
  pass: 'success',
  warn: 'warning',
  fail: 'error',
};

/** The finished run's verdict, in words first (the colour only repeats them). */
export function ReportBanner({ report }: { report: ProbeReport }) {
  const banner = reportBanner(report);
  return (
    <TitledNotice
      tone={TONE[banner.verdict]}
      className="report-banner"
      title={banner.title}
      message={banner.detail}
    >
      <p className="notice-meta">
        Checked <time dateTime={report.startedAt}>{formatTimestamp(report.startedAt)}</time>,
        against {report.baseUrl}
      </p>
    </TitledNotice>
  );
}
