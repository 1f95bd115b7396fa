import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppErrorSchema, type Result } from '../../../shared/errors';
import type { Req } from '../../../shared/ipc';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../shared/ipc-channels';
import { isAllowedExternalUrl } from '../../../main/security/open-external';
import { malformed, oddValue, Random } from './fuzz-values';
import {
  answerCredentialCheck,
  ignoreEvents,
  startIpcHarness,
  type IpcHarness,
} from './ipc-harness';

const SEED = 0x5c1a;
const PAYLOADS_PER_CHANNEL = 180;
/** What a person is shown: a sentence or two and a hint, never a dump of the request. */
const MAX_ERROR_TEXT = 4 * 1024;

const ORG = 'organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931';
const CONNECTION = 'scim-connection-test-cdd5415a-c470-42be-8369-5c90cf7762dc';
/** A service principal's object id, from Graph's instantiate example (graph-provisioning.md §1). */
const SP_ID = 'a8cac399-cde5-4516-a674-819503c61313';
/** A user's object id in the form Graph gives every directory object: a GUID. */
const USER_ID = '6e7b768e-07e2-4810-8459-485f84f8f204';

/**
 * A valid request per channel, the starting point of every malformed one. Optional, so a new
 * channel is fuzzed (from an empty request) without editing this test; a sample makes it deeper.
 */
const VALID: { [C in InvokeChannel]?: Req<C> } = {
  'app:info': {},
  'app:openExternal': { url: 'https://stytch.com/docs/b2b/guides/scim/entra' },
  'settings:get': {},
  'settings:update': {
    organizationId: ORG,
    wizard: {
      currentStep: 'create-entra-app',
      completedSteps: ['connect-stytch', 'choose-organization'],
      checklist: { 'create-entra-app.opened': true },
    },
    clipboardClearMs: 60_000,
  },
  'sandbox:start': { large: false },
  'stytch:status': {},
  'stytch:connect': { projectId: 'project-test-fuzz', secret: 'secret-test-fuzz-value' },
  // Another project: forgetting the connected one would leave the rest of the run disconnected.
  'stytch:forgetProject': { projectId: 'project-test-other' },
  'stytch:searchOrganizations': { query: 'acme', cursor: null, limit: 10 },
  'scim:getConnection': { organizationId: ORG },
  'scim:createConnection': { organizationId: ORG, displayName: 'Entra provisioning' },
  'scim:rotateStart': { organizationId: ORG, connectionId: CONNECTION },
  'scim:rotateComplete': { organizationId: ORG, connectionId: CONNECTION },
  'scim:rotateCancel': { organizationId: ORG, connectionId: CONNECTION },
  'scim:deleteConnection': { organizationId: ORG, connectionId: CONNECTION },
  'secrets:reveal': { handle: { kind: 'scim-token', connectionId: CONNECTION } },
  'clipboard:copy': { kind: 'text', text: 'https://test.stytch.com/v1/b2b/scim/x' },
  'probe:run': {
    runId: 'run-1',
    organizationId: ORG,
    token: { kind: 'scim-token', connectionId: CONNECTION },
  },
  'watch:start': { organizationId: ORG, connectionId: CONNECTION },
  'entra:useApp': {
    organizationId: ORG,
    servicePrincipalId: SP_ID,
    confirmHost: 'api.contoso.com',
  },
  'entra:assign': { organizationId: ORG, principals: [{ id: USER_ID, kind: 'user' }] },
  'entra:unassign': { organizationId: ORG, principalId: USER_ID },
  'entra:provisionOnDemand': { organizationId: ORG, userId: USER_ID },
  'fleet:refresh': { full: true },
  'fleet:sweepStart': { organizationIds: [ORG] },
  'fleet:saveReport': { format: 'html' },
};

const BOGUS_CHANNELS: unknown[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  'APP:INFO',
  'app:info ',
  null,
  undefined,
  42,
  {},
];

interface Tally {
  invalid: number;
  otherErrors: number;
  ok: number;
  /** Calls that threw or answered something other than a Result. */
  notResults: string[];
  internalErrors: string[];
  oversizedErrors: string[];
  settingsChangedByRefusal: string[];
}

function prototypeSnapshot(): string {
  return JSON.stringify(
    [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) =>
      Object.getOwnPropertyNames(proto).sort(),
    ),
  );
}

function polluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe['polluted'] !== undefined || probe['isAdmin'] !== undefined;
}

let harness: IpcHarness;

// Connected, so requests get as far as building Stytch URLs; only the credential check answers,
// every other request goes nowhere.
beforeAll(async () => {
  harness = await startIpcHarness(answerCredentialCheck);
  const connected = await harness.dispatch(
    'stytch:connect',
    { projectId: 'project-test-fuzz', secret: 'secret-test-fuzz-value' },
    ignoreEvents,
  );
  expect(connected).toMatchObject({ ok: true });
});

afterAll(async () => {
  await harness.close();
});

async function callOnce(channel: unknown, payload: unknown, label: string, tally: Tally) {
  const before = await harness.settingsText();
  let answer: unknown;
  try {
    answer = await harness.dispatch(channel, payload, ignoreEvents);
  } catch (error) {
    tally.notResults.push(`${label}: threw ${String(error)}`);
    return;
  }
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) {
    tally.notResults.push(`${label}: answered ${typeof answer}`);
    return;
  }
  if (answer.ok === true) {
    tally.ok += 1;
    return;
  }
  const parsed = AppErrorSchema.safeParse('error' in answer ? answer.error : undefined);
  if (!parsed.success) {
    tally.notResults.push(`${label}: a failure without an AppError`);
    return;
  }
  const error = parsed.data;
  if (error.code === 'IPC_INVALID_REQUEST' || error.code === 'IPC_UNKNOWN_CHANNEL')
    tally.invalid += 1;
  else tally.otherErrors += 1;
  if (error.code === 'INTERNAL_ERROR') tally.internalErrors.push(label);
  const size = error.message.length + error.hint.length;
  if (size > MAX_ERROR_TEXT) tally.oversizedErrors.push(`${label}: ${error.code}, ${size} chars`);
  if ((await harness.settingsText()) !== before) tally.settingsChangedByRefusal.push(label);
}

/**
 * Thousands of payloads over every channel, each with a settings read before and after: seconds on
 * a quiet machine, but several times the node project's 20 s on a loaded 2-core one.
 */
const FUZZ_TIMEOUT_MS = 180_000;

describe('the IPC dispatcher under malformed payloads', () => {
  it(
    'answers every call with a Result: no throw, no internal error, no pollution, no side effect',
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      const random = new Random(SEED);
      const prototypes = prototypeSnapshot();
      const tally: Tally = {
        invalid: 0,
        otherErrors: 0,
        ok: 0,
        notResults: [],
        internalErrors: [],
        oversizedErrors: [],
        settingsChangedByRefusal: [],
      };
      const pollutedBy: string[] = [];
      let payloads = 0;
      for (const channel of INVOKE_CHANNELS) {
        for (let n = 0; n < PAYLOADS_PER_CHANNEL; n += 1) {
          const label = `${channel} #${n}`;
          await callOnce(channel, malformed(VALID[channel] ?? {}, random), label, tally);
          payloads += 1;
          if (polluted()) pollutedBy.push(label);
        }
      }
      for (const channel of BOGUS_CHANNELS) {
        await callOnce(channel, oddValue(random), `channel ${String(channel)}`, tally);
        payloads += 1;
      }
      console.log(
        `ipc fuzz: ${payloads} payloads over ${INVOKE_CHANNELS.length} channels: ` +
          `${tally.invalid} refused as invalid, ${tally.otherErrors} other errors, ${tally.ok} ok`,
      );

      expect(tally.notResults).toEqual([]);
      expect(tally.internalErrors).toEqual([]);
      expect(pollutedBy).toEqual([]);
      expect(prototypeSnapshot()).toBe(prototypes);
      expect(tally.settingsChangedByRefusal).toEqual([]);
      expect(harness.opened.filter((url) => !isAllowedExternalUrl(url))).toEqual([]);
      // Relies on the contract's own bounds today; dispatch.ts's length cuts of outgoing errors
      // (being added separately) are the backstop for any field that lacks one.
      expect(tally.oversizedErrors).toEqual([]);
      // Most payloads must be refused at the contract, or the fuzzing is not reaching it.
      expect(tally.invalid).toBeGreaterThan(payloads / 2);
    },
  );
});

/**
 * Graph ids the contract must refuse (finding 7: `entra:useApp('..')` sent `GET /v1.0/` with the
 * admin's token): dot segments, separators, encodings of them, and ids that are not GUIDs.
 */
const NOT_GRAPH_GUIDS = [
  '.',
  '..',
  '../..',
  `${SP_ID}/..`,
  `${SP_ID}/appRoleAssignedTo`,
  '%2e%2e',
  `${SP_ID}?$select=id`,
  'sp-test-1',
  SP_ID.slice(0, -1),
  `{${SP_ID}}`,
  ` ${SP_ID}`,
];

describe('the contract’s own checks, under the payloads a compromised renderer would send', () => {
  it.each(NOT_GRAPH_GUIDS)(
    'refuses %j as a Graph object id on every entra:* request that names one, before any call',
    async (id) => {
      const before = harness.sent.length;
      const answers: Result<unknown>[] = await Promise.all([
        harness.dispatch(
          'entra:useApp',
          { organizationId: ORG, servicePrincipalId: id },
          ignoreEvents,
        ),
        harness.dispatch(
          'entra:assign',
          { organizationId: ORG, principals: [{ id, kind: 'group' }] },
          ignoreEvents,
        ),
        harness.dispatch('entra:unassign', { organizationId: ORG, principalId: id }, ignoreEvents),
        harness.dispatch(
          'entra:provisionOnDemand',
          { organizationId: ORG, userId: id },
          ignoreEvents,
        ),
      ]);
      for (const answer of answers)
        expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
      expect(harness.sent.slice(before)).toEqual([]);
    },
  );

  it('refuses a confirmation that is not a host name', async () => {
    for (const confirmHost of ['', 'a'.repeat(300), 'api.contoso.com/scim', 'host name']) {
      const answer = await harness.dispatch(
        'entra:useApp',
        { organizationId: ORG, servicePrincipalId: SP_ID, confirmHost },
        ignoreEvents,
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
    }
  });

  it('reveals only the token on screen: not another connection’s, nor one kept from an earlier run', async () => {
    const owner = { projectId: 'project-test-fuzz', organizationId: ORG };
    // A token kept in the keychain by an earlier run of the app: Stytch showed it then, not now.
    await harness.secretStore.save(
      { kind: 'scim-token', connectionId: 'scim-connection-test-earlier' },
      'token-from-an-earlier-run-1111',
    );
    await harness.services.secrets.saveCreatedToken(
      { ...owner, connectionId: 'scim-connection-test-first' },
      'token-first-connection-2222',
    );
    await harness.services.secrets.saveCreatedToken(
      { ...owner, connectionId: 'scim-connection-test-second' },
      'token-second-connection-3333',
    );
    const reveal = (connectionId: string) =>
      harness.dispatch(
        'secrets:reveal',
        { handle: { kind: 'scim-token', connectionId } },
        ignoreEvents,
      );
    for (const elsewhere of ['scim-connection-test-earlier', 'scim-connection-test-first']) {
      const refused = await reveal(elsewhere);
      expect(refused).toMatchObject({ ok: false, error: { code: 'SECRET_NOT_REVEALABLE' } });
      expect(JSON.stringify(refused)).not.toMatch(/token-(from|first)/);
    }
    expect(await reveal('scim-connection-test-second')).toEqual({
      ok: true,
      data: { value: 'token-second-connection-3333' },
    });
  });
});
