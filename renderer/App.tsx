import { Suspense, useEffect } from 'react';

import { AppFooter } from './components/AppFooter';
import { Busy } from './components/Busy';
import { ContextBar } from './components/ContextBar';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorNotice } from './components/ErrorNotice';
import { Notices } from './components/Notices';
import { lazyPart } from './features/wizard/step-bodies';
import { Wizard } from './features/wizard/Wizard';
import { ensureBooted, useBootStore } from './state/boot';
import { useScreenStore } from './state/screen-store';

// The overview and a connection's page load when first shown: a first start (not connected yet)
// never needs them.
export const FleetHome = lazyPart(
  async () => (await import('./features/fleet/FleetHome')).FleetHome,
);

function Home() {
  const screen = useScreenStore((s) => s.screen.kind);
  if (screen === 'wizard') return <Wizard />;
  return (
    <Suspense fallback={<Busy label="Loading the connections…" />}>
      <FleetHome.Component />
    </Suspense>
  );
}

function Body() {
  const phase = useBootStore((s) => s.phase);
  const failure = useBootStore((s) => s.failure);
  switch (phase) {
    case 'loading':
      return (
        <div className="boot" aria-busy="true">
          <Busy label="Loading your set-up…" />
        </div>
      );
    case 'failed':
      return failure && <ErrorNotice failure={failure} title="The assistant could not start." />;
    case 'ready':
      return <Home />;
  }
}

/** The app's root: header with where the admin is (context bar), the wizard, and the version footer. */
export function App() {
  useEffect(ensureBooted, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>SCIM Setup Assistant</h1>
        <p className="tagline">
          Connect Microsoft Entra ID provisioning to a Stytch B2B organization.
        </p>
        <ContextBar />
      </header>
      <main className="app-main">
        <Notices />
        <ErrorBoundary>
          <Body />
        </ErrorBoundary>
      </main>
      <AppFooter />
    </div>
  );
}
