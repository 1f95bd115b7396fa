import { useEffect, useMemo, useState } from 'react';

import { attentionReason } from '../../../shared/fleet/attention';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PlainErrorNotice } from '../../components/PlainErrorNotice';
import { formatTimestamp } from '../../lib/timestamp';
import { useFleetStore } from '../../state/fleet-store';
import { useScreenStore } from '../../state/screen-store';
import { useWizardStore } from '../../state/wizard-store';
import { OverviewGrid, ROW_HEIGHT } from './OverviewGrid';
import { queryRows } from './overview-query';
import { ReportButtons } from './ReportButtons';
import { RotateSelection } from './RotateSelection';
import { SweepBar } from './SweepBar';
import { countWords } from './row-words';

/** The grid's height: what the window leaves below the controls, at least ten rows (the page scrolls). */
function useGridHeight(): number {
  const fit = () => Math.max(10 * ROW_HEIGHT, window.innerHeight - 420);
  const [height, setHeight] = useState(fit);
  useEffect(() => {
    const resize = () => setHeight(fit());
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, []);
  return height;
}

function Freshness() {
  const refreshedAt = useFleetStore((s) => s.refreshedAt);
  const refreshing = useFleetStore((s) => s.refreshing);
  const entraReading = useFleetStore((s) => s.entraReading);
  const refreshError = useFleetStore((s) => s.refreshError);
  const busy = useFleetStore((s) => s.busy);
  const refresh = useFleetStore((s) => s.refresh);
  // During the first reading, the progress beside the button says it already.
  const notReadYet = refreshing ? null : 'Not read yet.';
  return (
    <div className="fleet-freshness">
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void refresh()}
          disabled={refreshing !== null || busy === 'fleet:refresh'}
          aria-describedby="fleet-read-what"
        >
          Read again
        </button>
        <span id="fleet-read-what" className="field-hint">
          From Stytch, and the Entra jobs where an enterprise app is linked.
        </span>
        {refreshing && (
          <Busy
            label={
              refreshing.total > 0
                ? `Read ${countWords(refreshing.done)} of ${countWords(refreshing.total)} organizations…`
                : 'Reading from Stytch…'
            }
          />
        )}
        {entraReading && !refreshing && <Busy label="Reading the Entra jobs…" />}
        <span className="field-hint">
          {refreshedAt ? `Last read in full at ${formatTimestamp(refreshedAt)}.` : notReadYet}
        </span>
      </div>
      {refreshError && (
        <PlainErrorNotice
          failure={{ error: refreshError, retry: () => void refresh() }}
          title="The last reading stopped early; some rows may be older."
        />
      )}
    </div>
  );
}

/**
 * The home screen once a project is connected: every organization with a SCIM connection, its
 * state and what needs the admin, with search, sort, a "Needs attention" filter, the health
 * check and the report. Only the rows in view are drawn, so thousands stay smooth.
 */
export function ConnectionsOverview() {
  const rows = useFleetStore((s) => s.rows);
  const loaded = useFleetStore((s) => s.loaded);
  const query = useFleetStore((s) => s.query);
  const setQuery = useFleetStore((s) => s.setQuery);
  const failure = useFleetStore((s) => s.failure);
  const failedOp = useFleetStore((s) => s.failedOp);
  const refreshing = useFleetStore((s) => s.refreshing !== null);
  const show = useScreenStore((s) => s.show);
  // A new connection starts at choosing its organization (the project is connected already).
  const setUpNew = () => {
    useWizardStore.getState().goTo('choose-organization');
    show({ kind: 'wizard' });
  };
  const height = useGridHeight();
  const shown = useMemo(() => queryRows(rows, query), [rows, query]);
  const attentionCount = useMemo(
    () => rows.filter((row) => attentionReason(row) !== null).length,
    [rows],
  );
  const loadFailed = failure && (failedOp === 'fleet:overview' || failedOp === 'fleet:refresh');

  return (
    <div className="fleet">
      <div className="fleet-title">
        <h2>SCIM connections</h2>
        <button type="button" className="button" onClick={setUpNew}>
          Set up a new connection
        </button>
      </div>
      <p className="field-hint">
        Every organization of this Stytch project with a SCIM connection. The Entra job is shown
        where this app linked an enterprise app and you are signed in to its tenant.
      </p>
      <Freshness />
      {loadFailed && <ErrorNotice failure={failure} title="The connections could not be read." />}
      <div className="fleet-tools">
        <SweepBar />
        <ReportButtons />
        <RotateSelection />
      </div>
      <div className="fleet-filters" role="search">
        <div className="field">
          <label htmlFor="fleet-search">Search organizations</label>
          <input
            id="fleet-search"
            type="search"
            autoComplete="off"
            value={query.search}
            onChange={(event) => setQuery({ ...query, search: event.target.value })}
            placeholder="Name, organization ID or connection ID"
          />
        </div>
        <label className="fleet-attention">
          <input
            type="checkbox"
            checked={query.attentionOnly}
            onChange={(event) => setQuery({ ...query, attentionOnly: event.target.checked })}
          />
          Needs attention ({countWords(attentionCount)})
        </label>
        <p className="fleet-count" role="status">
          {loaded
            ? `Showing ${countWords(shown.length)} of ${countWords(rows.length)} connections`
            : 'Reading the connections…'}
        </p>
      </div>
      {/* While a first reading runs, the grid waits for the rows Stytch's search lists. */}
      {loaded && rows.length === 0 && !refreshing ? (
        <p className="notice notice-info">
          No organization of this project has a SCIM connection yet. Set up a new connection to
          create the first one.
        </p>
      ) : (
        <OverviewGrid rows={shown} height={height} />
      )}
    </div>
  );
}
