import { selectMode, useAppStore } from '../state/app-store';

/** Shown on every screen while the app talks to its local stand-ins instead of Stytch. */
export function SandboxBanner() {
  const sandbox = useAppStore((s) => selectMode(s) === 'sandbox');
  if (!sandbox) return null;
  return (
    <p className="sandbox-banner" role="note">
      Sandbox — nothing here touches your real Stytch project
    </p>
  );
}
