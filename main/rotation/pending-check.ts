import { appFailure } from '../../shared/errors';
import type { PendingCheck } from '../../shared/rotation/rotation';
import type { Settings } from '../../shared/settings/settings';
import { failureWords } from '../probe/exchange-failure';
import { createProbeContext } from '../probe/run-probe';
import { connectionTenantUrl } from '../stytch/connection-tenant-url';
import type { RotationServices } from './rotation-services';

/**
 * Whether Stytch accepts a rotation's pending token before Complete. Stytch documents the token
 * as "generated in a pending state" until Complete activates it (its mobile SDK's rotate token
 * start and complete pages) and says nothing of its being accepted earlier, so the app asks
 * Stytch's SCIM endpoint itself: one read-only query (GET /Users?count=1) with the pending token,
 * sent the probe's way (the app's network stack, Entra-like headers, bounded read). The answer is
 * remembered per project (settings `rotationChecks`, no token).
 */
export async function checkPendingToken(
  services: RotationServices,
  organizationId: string,
  connectionId: string,
): Promise<PendingCheck> {
  const tenantUrl = await connectionTenantUrl(
    services.stytch,
    organizationId,
    connectionId,
    'rotate',
  );
  const token = await services.secrets.readToken({ kind: 'scim-next-token', connectionId });
  const context = createProbeContext(
    {
      tenantUrl,
      token,
      options: { localSandbox: services.stytch.project()?.mode === 'sandbox' },
    },
    services.probe,
  );
  if (context.analysis.target === null) throw checkFailed('its address could not be read');
  const sent = await context.send({ method: 'GET', path: '/Users', query: [['count', '1']] });
  const status = sent.reply?.status;
  if (status === undefined) {
    throw checkFailed(sent.failure === null ? 'no answer came' : failureWords(sent.failure));
  }
  if (status !== 401 && status !== 403 && (status < 200 || status > 299)) {
    throw checkFailed(`it answered HTTP ${status}`);
  }
  const check = {
    accepted: status >= 200 && status <= 299,
    checkedAt: services.clock.now().toISOString(),
  };
  await remember(services, check);
  return check;
}

/** The project's remembered answer, or null when none of its rotations was checked yet. */
export async function rememberedCheck(services: RotationServices): Promise<PendingCheck | null> {
  const projectId = services.stytch.project()?.projectId;
  if (projectId === undefined) return null;
  const found = (await services.settings.get()).rotationChecks.find(
    (entry) => entry.projectId === projectId,
  );
  return found === undefined ? null : { accepted: found.accepted, checkedAt: found.checkedAt };
}

async function remember(services: RotationServices, check: PendingCheck): Promise<void> {
  const projectId = services.stytch.project()?.projectId;
  if (projectId === undefined) return;
  const entry = { projectId, ...check };
  const update = (settings: Settings): Settings => ({
    ...settings,
    rotationChecks: [
      ...settings.rotationChecks.filter((other) => other.projectId !== projectId),
      entry,
    ],
  });
  try {
    await services.settings.mutate(update);
  } catch (error) {
    // The answer still decides this run; only the next one would have to ask again.
    services.logger.warn('rotation.pending-check-not-saved', {
      reason: error instanceof Error ? error.name : 'unknown',
    });
  }
}

function checkFailed(why: string) {
  return appFailure(
    'ROTATION_CHECK_FAILED',
    `The app could not find out whether Stytch accepts the new token before the rotation is finished: ${why}.`,
    'Check that this computer reaches Stytch, then try again. The current token still works in Stytch and Entra.',
    { retryable: true },
  );
}
