import { useAppStore } from '../state/app-store';

/** Version and mode as `app:info` reports them (the end-to-end test reads this element). */
export function AppFooter() {
  const info = useAppStore((s) => s.info);
  return (
    <footer className="app-footer">
      {info && (
        <p data-testid="app-info">
          Version {info.version} · {info.mode === 'sandbox' ? 'Sandbox mode' : 'Stytch mode'}
        </p>
      )}
    </footer>
  );
}
