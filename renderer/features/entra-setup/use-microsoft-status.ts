import { useEffect } from 'react';

import { useMicrosoftStore } from '../../state/microsoft-store';

/** Reads who is signed in to Microsoft once, when a panel that needs it first shows. */
export function useMicrosoftStatus(): void {
  useEffect(() => {
    const { status, busy, load } = useMicrosoftStore.getState();
    if (status === null && busy === null) void load();
  }, []);
}
