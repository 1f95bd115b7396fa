import type { EntraSetupView, ExternalIdMapping } from '../../../shared/entra/entra-views';
import { Busy } from '../../components/Busy';
import { useEntraStore } from '../../state/entra-store';
import { ConfirmAction } from '../../components/ConfirmAction';
import { OpFailure } from './OpFailure';

function BeforeAfter({ mapping }: { mapping: ExternalIdMapping }) {
  return (
    <table className="members mapping-change">
      <caption>The one change to the user mapping ({mapping.objectMappingName})</caption>
      <tbody>
        <tr>
          <th scope="row">Now</th>
          <td className="mono">externalId ← {mapping.currentSource ?? '(not mapped)'}</td>
        </tr>
        <tr>
          <th scope="row">After</th>
          <td className="mono">externalId ← {mapping.proposedSource}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Reads the user mapping and, on confirmation, makes objectId the source of externalId. */
export function MappingPanel({ view }: { view: EntraSetupView }) {
  const busy = useEntraStore((s) => s.busy);
  const readMapping = useEntraStore((s) => s.readMapping);
  const fixMapping = useEntraStore((s) => s.fixMapping);
  const mapping = view.mapping;
  const inFlight = busy === 'entra:readMapping' || busy === 'entra:fixMapping';
  return (
    <section className="entra-mapping" aria-labelledby="entra-mapping-heading" aria-busy={inFlight}>
      <h3 id="entra-mapping-heading">The user mapping</h3>
      <p>Stytch’s Entra guide asks that objectId (source) maps to externalId (target).</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void readMapping()}
          disabled={busy !== null}
        >
          Check the mapping
        </button>
        {busy === 'entra:readMapping' && <Busy label="Reading the user mapping…" />}
        {busy === 'entra:fixMapping' && <Busy label="Changing the user mapping…" />}
      </div>
      {mapping?.correct && (
        <p className="notice notice-success" role="status">
          objectId → externalId ✓
        </p>
      )}
      {mapping && !mapping.correct && (
        <>
          <p role="status">The user mapping does not send objectId as externalId.</p>
          <BeforeAfter mapping={mapping} />
          <ConfirmAction
            trigger="Apply this change…"
            question="Change the user mapping in Entra?"
            confirm="Yes, apply this change"
            cancel="Don’t change it"
            disabled={busy !== null}
            onConfirm={() => void fixMapping(mapping.fingerprint)}
          >
            <p>
              The assistant writes the app’s schema back with only this change. If the mapping
              changed in Entra since it was read, nothing is written and you check again.
            </p>
          </ConfirmAction>
        </>
      )}
      <OpFailure
        ops={['entra:readMapping', 'entra:fixMapping']}
        title="The user mapping could not be checked or changed."
      />
    </section>
  );
}
