import { useState } from 'react';

import type { StepLink } from '../../shared/wizard/links';
import { call } from '../lib/api';
import type { Failure } from '../state/failure';
import { ErrorNotice } from './ErrorNotice';

/** Opens an outside page in the system browser through main (which allow-lists the host). */
export function ExternalLinkButton({ link }: { link: StepLink }) {
  const [failure, setFailure] = useState<Failure | null>(null);

  const open = async () => {
    setFailure(null);
    const result = await call('app:openExternal', { url: link.url });
    if (!result.ok) setFailure({ error: result.error, retry: () => void open() });
  };

  return (
    <div className="external-link">
      <button type="button" className="button button-link" onClick={() => void open()}>
        {link.label}
        <span className="visually-hidden"> (opens in your browser)</span>
      </button>
      {failure && <ErrorNotice failure={failure} />}
    </div>
  );
}
