import { CopyButton } from '../../components/CopyButton';
import { useAppStore, selectMode } from '../../state/app-store';
import { useConnectionStore } from '../../state/connection-store';
import { useEntraStore } from '../../state/entra-store';
import { useOrganizationStore } from '../../state/organization-store';
import { useWatchStore } from '../../state/watch-store';
import { useEntraSetup } from '../entra-setup/use-entra-setup';
import { useWatch } from '../provisioning-watch/use-watch';
import { ConnectionReading } from '../scim-connection/ConnectionReading';
import { useOrganizationConnection } from '../scim-connection/use-organization-connection';
import { summarySections, summaryText, type SummarySection } from './summary-model';

function Section({ section, id }: { section: SummarySection; id: string }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{section.title}</h3>
      <dl className="details summary-details">
        {section.rows.map((row) => (
          <div key={row.term} className="summary-row">
            <dt>{row.term}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * The last step: what was set up, what to watch for, and "Copy summary" (plain text through
 * main's clipboard, with no secret in it). People provisioned come from the watch, which looks
 * at Stytch again while this step is open.
 */
export function SummaryStep() {
  const { ready } = useOrganizationConnection();
  const connection = useConnectionStore((s) => s.connection);
  const status = useAppStore((s) => s.status);
  const sandbox = useAppStore((s) => selectMode(s) === 'sandbox');
  const organization = useOrganizationStore((s) => s.selected);
  const entraChoice = useEntraStore((s) => s.choice);
  const { view } = useEntraSetup();
  const snapshot = useWatchStore((s) =>
    s.snapshot !== null && s.snapshot.connectionId === connection?.connectionId ? s.snapshot : null,
  );
  useWatch(
    connection
      ? { organizationId: connection.organizationId, connectionId: connection.connectionId }
      : null,
  );
  if (!ready) return <ConnectionReading />;
  const now = new Date();
  const sections = summarySections({
    project: {
      projectId: status?.projectId ?? null,
      environment: status?.environment ?? null,
      sandbox,
    },
    organization,
    connection,
    entraChoice,
    entra: view,
    people: snapshot?.counts ?? null,
    // Slot for issue 22 item 10: the connection view does not carry
    // scim_group_implicit_role_assignments yet, so the row is left out.
    groupRoles: null,
    now,
  });
  return (
    <div className="summary">
      {sections.map((section, index) => (
        <Section key={section.title} section={section} id={`summary-section-${index}`} />
      ))}
      <div className="actions">
        <CopyButton
          label="Copy summary"
          request={{ kind: 'text', text: summaryText(sections, now) }}
        />
      </div>
    </div>
  );
}
