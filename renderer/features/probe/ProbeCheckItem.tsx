import type { ProbeCheck, ProbeStatus } from '../../../shared/probe/report';
import { ENTRA_TEXT_LABEL } from '../../../shared/probe/report-text';

const STATUS_TEXT: Record<ProbeStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failed',
  skip: 'Skipped',
};

const STATUS_ICON: Record<ProbeStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };

/** One finished check. Failures open with Entra's verdict and the fix. */
export function ProbeCheckItem({ check }: { check: ProbeCheck }) {
  const hasDetail = Boolean(check.entraWouldSay || check.fix || check.request || check.response);
  return (
    <li className={`probe-check probe-${check.status}`}>
      <p className="probe-check-line">
        <span className="probe-icon" aria-hidden="true">
          {STATUS_ICON[check.status]}
        </span>
        <span className="probe-status">{STATUS_TEXT[check.status]}:</span>{' '}
        <strong>{check.title}</strong> — {check.message}
      </p>
      {hasDetail && (
        <details open={check.status === 'fail'}>
          <summary>Details for {check.title}</summary>
          {check.entraWouldSay && (
            <p>
              <span className="label">{ENTRA_TEXT_LABEL}:</span> {check.entraWouldSay}
            </p>
          )}
          {check.fix && (
            <p>
              <span className="label">How to fix:</span> {check.fix}
            </p>
          )}
          {check.request && (
            <p className="mono">
              {check.request.method} {check.request.url}
            </p>
          )}
          {check.response && (
            <p className="mono">
              HTTP {check.response.status}
              {check.response.contentType && ` · ${check.response.contentType}`}
            </p>
          )}
        </details>
      )}
    </li>
  );
}
