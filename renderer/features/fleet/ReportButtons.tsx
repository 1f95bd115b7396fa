import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFleetStore } from '../../state/fleet-store';

/**
 * Saves the overview and the last health check as a report: CSV for a spreadsheet, or a
 * printable page. Main asks where to save it; only the file's name comes back.
 */
export function ReportButtons() {
  const busy = useFleetStore((s) => s.busy);
  const savedReport = useFleetStore((s) => s.savedReport);
  const failure = useFleetStore((s) => s.failure);
  const failedOp = useFleetStore((s) => s.failedOp);
  const saveReport = useFleetStore((s) => s.saveReport);
  const saving = busy === 'fleet:saveReport';
  return (
    <section className="fleet-tool report" aria-labelledby="report-heading" aria-busy={saving}>
      <h3 id="report-heading">Report</h3>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void saveReport('csv')}
          disabled={saving}
        >
          Save as CSV…
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void saveReport('html')}
          disabled={saving}
        >
          Save as a printable page…
        </button>
        {saving && <Busy label="Saving the report…" />}
      </div>
      {/* What the report holds is in the overview's "What do these actions do?". */}
      <p className="field-hint fleet-tool-status" aria-live="polite">
        {savedReport && `Saved as ${savedReport}. It holds no token or secret.`}
      </p>
      {failure && failedOp === 'fleet:saveReport' && (
        <ErrorNotice failure={failure} title="The report could not be saved." />
      )}
    </section>
  );
}
