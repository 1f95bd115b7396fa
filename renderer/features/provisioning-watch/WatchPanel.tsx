import { DEACTIVATED_NOTE, statusWords } from '../../../shared/provisioning/status-words';
import type { WatchedStatus, WatchSnapshot } from '../../../shared/provisioning/watch';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useWatchStore } from '../../state/watch-store';
import { formatTimestamp } from '../../../shared/timestamp';

const CHANGE_WORDS = {
  arrived: 'arrived',
  deactivated: 'was deactivated',
  reactivated: 'was reactivated',
  changed: 'changed',
} as const;

/** What to expect before anything arrives, and what to check when nothing does. */
function Waiting() {
  return (
    <div className="notice notice-info">
      <p className="notice-title">No member of this connection in Stytch yet.</p>
      <p>
        Provision on demand in Entra takes seconds. Entra’s first regular cycle can take 40 minutes
        or more, and later cycles run about every 40 minutes.
      </p>
      <p className="notice-hint">
        If nothing comes: check that users or groups are assigned to the app, that the scope is
        “Sync only assigned users and groups”, that provisioning is started, and Entra’s
        provisioning logs for errors.
      </p>
    </div>
  );
}

function Status({ snapshot }: { snapshot: WatchSnapshot }) {
  const seconds = snapshot.nextPollInMs === null ? null : Math.round(snapshot.nextPollInMs / 1000);
  return (
    <p className="field-hint" aria-live="polite">
      {snapshot.state === 'watching'
        ? `Watching Stytch: next look in ${seconds ?? '…'} s`
        : 'Not watching (the window was hidden).'}
      {snapshot.lastPolledAt && ` · last look at ${formatTimestamp(snapshot.lastPolledAt)}`}
    </p>
  );
}

/**
 * A status in its narrow column: one word, and what Stytch did in a few more on a second line
 * (the whole story is in a note below the table, so the row keeps its height).
 */
function StatusCell({ status }: { status: WatchedStatus }) {
  const { text, detail } = statusWords(status);
  return (
    <td>
      <span className="member-status">{text}</span>
      {detail && (
        <>
          {' '}
          <span className="member-status-detail">{detail}</span>
        </>
      )}
    </td>
  );
}

function Members({ snapshot }: { snapshot: WatchSnapshot }) {
  // Person in one cell (name over email) and one time column keep the table narrow (when each
  // member arrived is in "Seen by this app" below); wider than the page, it scrolls, and the
  // externalId, read least, comes last.
  return (
    // Focusable so a keyboard can scroll it when it is wider than the page.
    <div className="table-scroll" role="region" aria-label="Members" tabIndex={0}>
      <table className="members">
        <caption>
          {snapshot.counts.active} active · {snapshot.counts.deactivated} deactivated ·{' '}
          {snapshot.counts.total} in all
        </caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Status</th>
            <th scope="col">Groups</th>
            <th scope="col">Roles</th>
            <th scope="col">Last change</th>
            <th scope="col">externalId</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.members.map((member) => (
            <tr key={member.memberId}>
              <td>
                <span className="member-name">{member.name}</span>
                <span className="member-email">{member.email}</span>
              </td>
              <StatusCell status={member.status} />
              <td>{member.groups.join(', ') || '—'}</td>
              <td>{member.roles.join(', ') || '—'}</td>
              <td className="nowrap">{formatTimestamp(member.lastChangedAt)}</td>
              <td className="nowrap mono">{member.externalId ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Timeline({ snapshot }: { snapshot: WatchSnapshot }) {
  if (snapshot.timeline.length === 0) return null;
  return (
    <>
      <h4>Seen by this app</h4>
      <ol className="timeline">
        {snapshot.timeline.map((change) => (
          <li key={`${change.at}-${change.memberId}-${change.kind}`}>
            {formatTimestamp(change.at)} {change.email} {CHANGE_WORDS[change.kind]}
            {change.detail && `: ${change.detail}`}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Members of this connection arriving and leaving in Stytch, as main sees them. */
export function WatchPanel() {
  const snapshot = useWatchStore((s) => s.snapshot);
  const busy = useWatchStore((s) => s.busy);
  const failure = useWatchStore((s) => s.failure);
  const refresh = useWatchStore((s) => s.refresh);
  return (
    <section className="watch" aria-labelledby="watch-heading" aria-busy={busy !== null}>
      <h3 id="watch-heading">Members in Stytch</h3>
      {busy === 'watch:start' && !snapshot && <Busy label="Looking at Stytch…" />}
      {failure && <ErrorNotice failure={failure} title="Couldn’t read the members." />}
      {snapshot?.failure && (
        <ErrorNotice
          failure={{ error: snapshot.failure, retry: () => void refresh() }}
          title="The last look at Stytch failed; the app keeps trying."
        />
      )}
      {snapshot && (
        <>
          <Status snapshot={snapshot} />
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => void refresh()}
              disabled={busy !== null}
            >
              Look now
            </button>
          </div>
          {snapshot.members.length === 0 ? <Waiting /> : <Members snapshot={snapshot} />}
          {snapshot.counts.deactivated > 0 && (
            <p className="field-hint" role="note">
              {DEACTIVATED_NOTE}
            </p>
          )}
          <Timeline snapshot={snapshot} />
        </>
      )}
    </section>
  );
}
