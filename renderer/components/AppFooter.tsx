import { useAppStore } from '../state/app-store';

/**
 * The version from `app:info`. Where the admin is (project, mode) is the context bar's to say.
 * The end-to-end tests read this element.
 */
export function AppFooter() {
  const info = useAppStore((s) => s.info);
  return (
    <footer className="app-footer">
      {info && <p data-testid="app-info">Version {info.version}</p>}
    </footer>
  );
}
