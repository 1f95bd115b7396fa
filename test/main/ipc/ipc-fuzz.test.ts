import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppErrorSchema } from '../../../shared/errors';
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
  'sandbox:start': {},
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

describe('the IPC dispatcher under malformed payloads', () => {
  it('answers every call with a Result: no throw, no internal error, no pollution, no side effect', async () => {
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
  });
});
