import { useEffect } from 'react';

import { api } from '../lib/api';
import { useAppStore } from '../state/app-store';

/** Messages main pushes through `app:notice`, each dismissible. */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);

  useEffect(
    () =>
      api.on('app:notice', (notice) =>
        useAppStore.getState().addNotice({ level: notice.level, message: notice.message }),
      ),
    [],
  );

  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`}>
          <p className="notice-message">{notice.message}</p>
          <button type="button" className="button" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
