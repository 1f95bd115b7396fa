import { selectMode, useAppStore } from '../state/app-store';

/**
 * The version from `app:info`, and the mode the banner shows too (the sandbox can start after
 * `app:info` answered). The end-to-end tests read this element.
 */
export function AppFooter() {
  const info = useAppStore((s) => s.info);
  const mode = useAppStore(selectMode);
  return (
    <footer className="app-footer">
      {info && (
        <p data-testid="app-info">
          Version {info.version} · {mode === 'sandbox' ? 'Sandbox mode' : 'Stytch mode'}
        </p>
      )}
    </footer>
  );
}
