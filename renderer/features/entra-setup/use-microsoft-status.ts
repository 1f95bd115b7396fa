import { useEffect } from 'react';

import { selectMode, useAppStore } from '../../state/app-store';
import { useMicrosoftStore } from '../../state/microsoft-store';

/** Reads who is signed in to Microsoft once, when a panel that needs it first shows. */
export function useMicrosoftStatus(): void {
  useEffect(() => {
    const { status, busy, load } = useMicrosoftStore.getState();
    if (status === null && busy === null) void load();
  }, []);
}

/**
 * Whether Graph goes to the sandbox's stand-in (whose cycles are seconds apart, not Entra's 40
 * minutes): Microsoft's status or the app's mode says sandbox.
 */
export function useGraphSandbox(): boolean {
  useMicrosoftStatus();
  const graphSandbox = useMicrosoftStore((s) => s.status?.sandbox ?? false);
  const appSandbox = useAppStore((s) => selectMode(s) === 'sandbox');
  return appSandbox || graphSandbox;
}
