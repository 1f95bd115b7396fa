import type { EntraApp } from '../../../shared/entra/entra-views';
import { useEntraStore } from '../../state/entra-store';

/** "Find existing"'s answer: each enterprise app that may be this organization's, to use. */
export function AppCandidates() {
  const candidates = useEntraStore((s) => s.candidates);
  const busy = useEntraStore((s) => s.busy);
  const chooseApp = useEntraStore((s) => s.selectApp);
  if (candidates === null) return null;
  if (candidates.length === 0) {
    return <p role="status">No enterprise app with this name was found. Create it instead.</p>;
  }
  const id = (app: EntraApp) => `candidate-${app.servicePrincipalId.replace(/\W/g, '-')}`;
  return (
    <ul className="candidates" aria-label="Enterprise apps found">
      {candidates.map((app) => (
        <li key={app.servicePrincipalId} className="option">
          <span id={id(app)} className="option-name">
            {app.displayName}
          </span>
          <span className="badge">
            {app.nonGallery ? 'Non-gallery' : 'Not from the non-gallery template'}
          </span>
          <span className="option-slug mono">{app.servicePrincipalId}</span>
          <button
            type="button"
            className="button"
            aria-describedby={id(app)}
            disabled={busy !== null}
            onClick={() => void chooseApp(app.servicePrincipalId)}
          >
            Use this app
          </button>
        </li>
      ))}
    </ul>
  );
}
