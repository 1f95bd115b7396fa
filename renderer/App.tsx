import { useEffect, useState } from 'react';

import type { AppError, AppInfo } from '../shared/ipc';
import { api } from './lib/api';

/** The app's root: for now the first screen, showing what main reports through `app:info`. */
export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void api.invoke('app:info', {}).then((result) => {
      if (result.ok) setInfo(result.data);
      else setError(result.error);
    });
  }, []);

  return (
    <main className="first-screen">
      <h1>SCIM Setup Assistant</h1>
      <p>Connect Microsoft Entra ID provisioning to your Stytch B2B organization.</p>
      {info && (
        <p data-testid="app-info">
          Version {info.version} · {info.platform} · {info.mode === 'sandbox' ? 'Sandbox' : 'Stytch'}
        </p>
      )}
      {error && (
        <p role="alert">
          {error.message} {error.hint}
        </p>
      )}
    </main>
  );
}
