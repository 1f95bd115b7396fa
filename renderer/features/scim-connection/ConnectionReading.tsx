import { Busy } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useConnectionStore } from '../../state/connection-store';

/** While a step waits for the organization's connection: reading it, or why that failed. */
export function ConnectionReading() {
  const busy = useConnectionStore((s) => s.busy);
  const failure = useConnectionStore((s) => s.failure);
  return (
    <div aria-busy={busy !== null}>
      {busy === 'scim:getConnection' && <Busy label="Reading the SCIM connection…" />}
      {failure && <ErrorNotice failure={failure} title="Couldn’t read the SCIM connection." />}
    </div>
  );
}
