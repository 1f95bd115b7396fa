import type { ProbeContext } from '../probe-context';
import type { ProbeStep } from '../probe-step';
import { authEnforcedStep } from './auth-enforced';
import { discoveryStep } from './discovery';
import { externalIdFilterStep } from './external-id-filter';
import { groupsStep } from './groups';
import { notFoundShapeStep } from './not-found-shape';
import { testConnectionStep } from './test-connection';
import { tlsStep } from './tls';
import { urlStep } from './url';
import { writeCycleStep } from './write-cycle';

/**
 * The probe's checks in report order. Dependencies: everything needs `url`; the deeper checks
 * need `test-connection` (if Entra's own test fails they would only repeat it). `tls` runs
 * beside `test-connection` rather than before it: behind a proxy the direct handshake can fail
 * while the app's network stack gets through, and Test Connection is the verdict that matters.
 */
export const PROBE_STEPS: readonly ProbeStep<ProbeContext>[] = [
  urlStep,
  tlsStep,
  testConnectionStep,
  authEnforcedStep,
  externalIdFilterStep,
  groupsStep,
  notFoundShapeStep,
  discoveryStep,
  writeCycleStep,
];
