import { PROBE_CHECK_IDS, type ProbeCheckId } from '../../../shared/probe/report';
import type { ProbeContext } from '../probe-context';
import type { ProbeStep } from '../probe-step';
import { authEnforcedStep } from './auth-enforced';
import { discoveryStep } from './discovery';
import { externalIdFilterStep } from './external-id-filter';
import { groupsStep } from './groups';
import { notFoundShapeStep } from './not-found-shape';
import { testConnectionStep } from './test-connection';
import { tlsStep } from './tls';
import { failOnUnreadAnswers } from './unread-answers';
import { urlStep } from './url';
import { writeCycleStep } from './write-cycle';

/** Every check id with its step: a missing id, or a step filed under another id, won't compile. */
const STEP_OF: { readonly [Id in ProbeCheckId]: ProbeStep<ProbeContext, Id> } = {
  url: urlStep,
  tls: tlsStep,
  'test-connection': testConnectionStep,
  'auth-enforced': authEnforcedStep,
  'external-id-filter': externalIdFilterStep,
  groups: groupsStep,
  'not-found-shape': notFoundShapeStep,
  discovery: discoveryStep,
  'write-cycle': writeCycleStep,
};

/**
 * The probe's steps in report order, which is `PROBE_CHECK_IDS`. Dependencies: everything needs
 * `url`; the deeper checks need `test-connection` (if Entra's own test fails they would only
 * repeat it). `tls` runs beside `test-connection` rather than before it: behind a proxy the
 * direct handshake can fail while the app's network stack gets through, and Test Connection is
 * the verdict that matters. Every step fails on an answer the probe stopped reading.
 */
export const PROBE_STEPS: readonly ProbeStep<ProbeContext>[] = PROBE_CHECK_IDS.map((id) =>
  failOnUnreadAnswers(STEP_OF[id]),
);

/**
 * The checks Entra's Test Connection makes, read-only (the URL, the TLS handshake and Entra's
 * own query): what the health sweep sends to each connection (main/fleet/).
 */
export const TEST_CONNECTION_STEPS: readonly ProbeStep<ProbeContext>[] = PROBE_STEPS.filter(
  (step) => step.id === 'url' || step.id === 'tls' || step.id === 'test-connection',
);
