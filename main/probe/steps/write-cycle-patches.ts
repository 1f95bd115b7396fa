import type { ProbeStatus } from '../../../shared/probe/report';
import { answerOf } from './record';
import {
  COMPLIANT_GIVEN_NAME,
  compliantPatchBody,
  deactivateBody,
  LEGACY_FAMILY_NAME,
  legacyPatchBody,
} from './write-cycle-bodies';
import { expectNoLiteralKey, expectValue, readBack } from './write-cycle-readback';
import { ok2xx, type Cycle } from './write-cycle-recorder';

/**
 * The user's PATCHes in both of Entra's dialects, each read back
 * (application-provisioning-config-problem-scim-compatibility.md, "Disable user" and "Replace
 * multiple attributes", with and without the feature flag): legacy (PascalCase, "False") →
 * aadOptscim062020 (path-less replace with a dotted key, boolean true: a re-activation) →
 * deactivate (boolean false, what Entra sends on unassign).
 */

/** The most requests `patchAll` sends: three PATCHes, three reads. */
export const PATCH_MAX_REQUESTS = 6;

const KEEPS_ACCESS = 'Entra will believe the user is deactivated; they keep access.';
const STAYS_LOCKED_OUT = 'Entra will believe the user is active again; they stay locked out.';
const KEEPS_OLD_NAME =
  'Entra will believe the name was changed and will not send it again; the directory keeps the old one.';

const LEGACY_FIX =
  'Apply Entra’s legacy PATCH: "op" in any case, and "True"/"False" strings as the booleans they stand for (or add “?aadOptscim062020” to the Tenant URL, which Provision on demand still ignores).';
const COMPLIANT_FIX =
  'Apply a path-less "replace" by setting each key of its value, reading dotted keys such as "name.givenName" as sub-attributes (RFC 7644 §3.5.2.3).';
const DEACTIVATE_FIX =
  'Make PATCH "active": false deactivate the user, and return "active": false when it is read.';

async function legacy(cycle: Cycle, path: string, entraFlag: boolean): Promise<void> {
  const problem: ProbeStatus = entraFlag ? 'warn' : 'fail';
  const sent = await cycle.send(
    'patch-legacy',
    { method: 'PATCH', path, body: legacyPatchBody() },
    (reply) => {
      if (ok2xx(reply))
        return ['pass', 'Entra’s legacy update ("op":"Replace", "active":"False") accepted.'];
      return entraFlag
        ? [
            'warn',
            `Entra’s legacy update ${answerOf(reply)}. Sync cycles use the aadOptscim062020 form, but Provision on demand ignores the flag and sends this one.`,
          ]
        : [
            'fail',
            `Entra’s legacy update ${answerOf(reply)}; without ?aadOptscim062020 this is what Entra sends in every cycle.`,
          ];
    },
  );
  if (!ok2xx(sent)) return;
  await readBack(cycle, {
    label: 'read-legacy',
    call: { method: 'GET', path },
    after: 'the legacy update',
    expectations: [
      expectValue('name.familyName', LEGACY_FAMILY_NAME, KEEPS_OLD_NAME),
      expectValue('active', false, KEEPS_ACCESS),
    ],
    problem,
    fix: LEGACY_FIX,
  });
}

async function compliant(cycle: Cycle, path: string, entraFlag: boolean): Promise<void> {
  const problem: ProbeStatus = entraFlag ? 'fail' : 'warn';
  const sent = await cycle.send(
    'patch-compliant',
    { method: 'PATCH', path, body: compliantPatchBody() },
    (reply) =>
      ok2xx(reply)
        ? [
            'pass',
            'The aadOptscim062020 update (lowercase op, path-less replace, boolean) accepted.',
          ]
        : [problem, `The aadOptscim062020 update ${answerOf(reply)}.`],
  );
  if (!ok2xx(sent)) return;
  await readBack(cycle, {
    label: 'read-compliant',
    call: { method: 'GET', path },
    after: 'the aadOptscim062020 update',
    expectations: [
      expectNoLiteralKey('name.givenName'),
      expectValue('name.givenName', COMPLIANT_GIVEN_NAME, KEEPS_OLD_NAME),
      expectValue('active', true, STAYS_LOCKED_OUT),
    ],
    problem,
    fix: COMPLIANT_FIX,
  });
}

async function deactivate(cycle: Cycle, path: string): Promise<void> {
  const sent = await cycle.send(
    'deactivate',
    { method: 'PATCH', path, body: deactivateBody() },
    (reply) =>
      ok2xx(reply)
        ? ['pass', 'Deactivated ("active": false).']
        : ['fail', `Deactivating (what Entra does on unassign) ${answerOf(reply)}.`],
  );
  if (!ok2xx(sent)) return;
  // A deactivated user must still be readable: Entra reads it again on later cycles.
  await readBack(cycle, {
    label: 'read-deactivated',
    call: { method: 'GET', path },
    after: 'deactivating',
    expectations: [expectValue('active', false, KEEPS_ACCESS)],
    problem: 'fail',
    fix: DEACTIVATE_FIX,
  });
}

/** Every user PATCH of the cycle, each read back; a refused one is not read. */
export async function patchAll(cycle: Cycle, path: string, entraFlag: boolean): Promise<void> {
  await legacy(cycle, path, entraFlag);
  await compliant(cycle, path, entraFlag);
  await deactivate(cycle, path);
}
