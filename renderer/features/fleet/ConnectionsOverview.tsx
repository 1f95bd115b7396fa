import { useMemo, useRef } from 'react';

import { attentionReason } from '../../../shared/fleet/attention';
import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PlainErrorNotice } from '../../components/PlainErrorNotice';
import { formatTimestamp } from '../../../shared/timestamp';
import { useFleetStore } from '../../state/fleet-store';
import { useScreenStore } from '../../state/screen-store';
import { useWizardStore } from '../../state/wizard-store';
import { OverviewGrid, ROW_HEIGHT } from './OverviewGrid';
import { OverviewHelp } from './OverviewHelp';
import { queryRows } from './overview-query';
import { ReportButtons } from './ReportButtons';
import { RotateSelection } from './RotateSelection';
import { SweepBar } from './SweepBar';
import { countWords } from './row-words';
import { useGridHeight } from './use-grid-height';

/** On a short window the grid keeps this many rows in view, and the page scrolls instead. */
const MIN_ROWS = 5;

/** "Read again" (Stytch, and the linked Entra jobs) and when the list was last read in full, beside the title. */
function Freshness() {
  const refreshedAt = useFleetStore((s) => s.refreshedAt);
  const refreshing = useFleetStore((s) => s.refreshing);
  const entraReading = useFleetStore((s) => s.entraReading);
  const busy = useFleetStore((s) => s.busy);
  const refresh = useFleetStore((s) => s.refresh);
  // During the first reading, the progress beside the button says it already.
  const notReadYet = refreshing ? null : 'Not read yet.';
  return (
    <div className="actions fleet-freshness">
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
        From Stytch and the linked Entra jobs.
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
  );
}

/** Why the last reading stopped early, with Retry; below the title row, the width of the page. */
function RefreshFailure() {
  const refreshError = useFleetStore((s) => s.refreshError);
  const refresh = useFleetStore((s) => s.refresh);
  if (!refreshError) return null;
  return (
    <PlainErrorNotice
      failure={{ error: refreshError, retry: () => void refresh() }}
      title="The last reading stopped early; some rows may be older."
    />
  );
}

/** Search, the "Needs attention" filter and how many rows are shown: one row above the grid. */
function Filters({ shownCount, attentionCount }: { shownCount: number; attentionCount: number }) {
  const query = useFleetStore((s) => s.query);
  const setQuery = useFleetStore((s) => s.setQuery);
  const loaded = useFleetStore((s) => s.loaded);
  const total = useFleetStore((s) => s.rows.length);
  return (
    <div className="fleet-filters" role="search">
      <div className="field">
        <label htmlFor="fleet-search">Search</label>
        {/* "Search" beside the box says it; the box's name, which starts with it, says what. */}
        <input
          id="fleet-search"
          aria-label="Search organizations"
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
          ? `Showing ${countWords(shownCount)} of ${countWords(total)} connections`
          : 'Reading the connections…'}
      </p>
    </div>
  );
}

/**
 * The home screen once a project is connected: every organization with a SCIM connection, its
 * state and what needs the admin, with search, sort, a "Needs attention" filter, the health
 * check, token rotation and the report. A working screen: the actions are one compact toolbar
 * (what each does is one click away, under "What do these actions do?"), so the search and the
 * first rows show without scrolling and the rows fill the rest of the window. Only the rows in
 * view are drawn, so thousands stay smooth.
 */
export function ConnectionsOverview() {
  const rows = useFleetStore((s) => s.rows);
  const loaded = useFleetStore((s) => s.loaded);
  const query = useFleetStore((s) => s.query);
  const failure = useFleetStore((s) => s.failure);
  const failedOp = useFleetStore((s) => s.failedOp);
  const refreshing = useFleetStore((s) => s.refreshing !== null);
  const show = useScreenStore((s) => s.show);
  // A new connection starts at choosing its organization (the project is connected already).
  const setUpNew = () => {
    useWizardStore.getState().goTo('choose-organization');
    show({ kind: 'wizard' });
  };
  const above = useRef<HTMLDivElement>(null);
  const gridTop = useRef<HTMLDivElement>(null);
  const height = useGridHeight(gridTop, above, ROW_HEIGHT, MIN_ROWS);
  const shown = useMemo(() => queryRows(rows, query), [rows, query]);
  const attentionCount = useMemo(
    () => rows.filter((row) => attentionReason(row) !== null).length,
    [rows],
  );
  const loadFailed = failure && (failedOp === 'fleet:overview' || failedOp === 'fleet:refresh');

  return (
    <div className="fleet">
      <div ref={above}>
        <div className="fleet-title">
          <h2>SCIM connections</h2>
          <Freshness />
          <button type="button" className="button fleet-new" onClick={setUpNew}>
            Set up a new connection
          </button>
        </div>
        <RefreshFailure />
        {loadFailed && <ErrorNotice failure={failure} title="The connections could not be read." />}
        <div className="fleet-tools">
          <SweepBar />
          <ReportButtons />
          <RotateSelection />
        </div>
        <OverviewHelp />
        <Filters shownCount={shown.length} attentionCount={attentionCount} />
      </div>
      <div ref={gridTop}>
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
    </div>
  );
}
