import type { ProbeCheck, ProbeExchange, ProbeStatus } from '../../../shared/probe/report';
import {
  adminAction,
  ENTRA_TEXT_LABEL,
  entraSummary,
  serverFix,
} from '../../../shared/probe/report-text';

const STATUS_TEXT: Record<ProbeStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failed',
  skip: 'Skipped',
};

const STATUS_ICON: Record<ProbeStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };

/** One request and its answer; the body only when no earlier line of the report showed it. */
function Exchange({
  exchange,
  showBody,
  showMessage,
}: {
  exchange: Pick<ProbeExchange, 'label' | 'status' | 'message' | 'request' | 'response'>;
  showBody: boolean;
  showMessage: boolean;
}) {
  const { request, response } = exchange;
  return (
    <div className="exchange">
      {exchange.label && (
        <p>
          <span className="label">
            {STATUS_TEXT[exchange.status]}: {exchange.label}
          </span>
          {showMessage && ` — ${exchange.message}`}
        </p>
      )}
      <p className="mono">
        Sent: {request.method} {request.url}
      </p>
      {response && (
        <>
          <p className="mono">
            Received: HTTP {response.status}
            {response.contentType && ` · ${response.contentType}`}
          </p>
          {showBody && response.bodyExcerpt && (
            <pre className="raw-answer">{response.bodyExcerpt}</pre>
          )}
        </>
      )}
    </div>
  );
}

/** What the SCIM server's developer needs: the server-side fix and each raw answer, once. */
function DeveloperDetails({ check }: { check: ProbeCheck }) {
  const fix = serverFix(check);
  const exchanges =
    check.exchanges ??
    (check.request
      ? [
          {
            label: '',
            status: check.status,
            message: check.message,
            request: check.request,
            response: check.response,
          },
        ]
      : []);
  if (!fix && exchanges.length === 0) return null;
  const seen = new Set<string>();
  return (
    <details className="developer">
      <summary>
        For the SCIM server’s developer<span className="visually-hidden">: {check.title}</span>
      </summary>
      {fix && (
        <p>
          <span className="label">Server-side fix:</span> {fix}
        </p>
      )}
      {exchanges.map((exchange, index) => {
        const body = exchange.response?.bodyExcerpt ?? '';
        const showBody = body !== '' && !seen.has(body);
        seen.add(body);
        return (
          <Exchange
            key={`${exchange.label}-${index}`}
            exchange={exchange}
            showBody={showBody}
            showMessage={exchange.message !== check.message}
          />
        );
      })}
    </details>
  );
}

/**
 * One finished check. A failure or warning says what the admin does next and what Entra shows;
 * what the server's developer needs is folded beneath. `data-check-id` and `data-status` keep
 * each check findable by id.
 */
export function ProbeCheckItem({ check }: { check: ProbeCheck }) {
  const action = adminAction(check);
  const needsAttention = check.status === 'fail' || check.status === 'warn';
  return (
    <li
      className={`probe-check probe-${check.status}`}
      data-check-id={check.id}
      data-status={check.status}
    >
      <p className="probe-check-line">
        <span className="probe-icon" aria-hidden="true">
          {STATUS_ICON[check.status]}
        </span>
        <span className="probe-status">{STATUS_TEXT[check.status]}:</span>{' '}
        <strong>{check.title}</strong> — {check.message}
      </p>
      {action && (
        <p className="check-action">
          <span className="label">What to do:</span> {action}
        </p>
      )}
      {needsAttention && check.entraWouldSay && (
        <p className="check-entra">
          <span className="label">{ENTRA_TEXT_LABEL}:</span> {entraSummary(check.entraWouldSay)}
        </p>
      )}
      {needsAttention && <DeveloperDetails check={check} />}
    </li>
  );
}
