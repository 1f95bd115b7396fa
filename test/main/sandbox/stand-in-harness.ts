import { afterAll, afterEach, beforeAll } from 'vitest';

import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox';

/** One HTTP answer of the stand-in. */
export interface Reply {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

/** The path of an org's SCIM connection endpoints. */
export const connectionPath = (org: string) => `v1/b2b/scim/${org}/connection`;

/** A running stand-in for one test file, and raw-HTTP helpers to talk to it as Stytch's SDK would. */
export interface StandInHarness {
  sandbox: RunningSandbox;
  /** Calls the stand-in with HTTP Basic auth (the sandbox's project unless `auth` says otherwise). */
  stytch(method: string, path: string, body?: unknown, auth?: string): Promise<Reply>;
  /** Adds an organization without a connection. */
  newOrg(name: string): string;
}

/** Registers hooks that start the stand-in, clear its faults after each test, and stop it. */
export function installStandIn(): StandInHarness {
  const harness: StandInHarness = {
    sandbox: undefined as unknown as RunningSandbox,
    stytch: async (method, path, body, auth) => {
      const { sandbox } = harness;
      const credentials = auth ?? `${sandbox.projectId}:${sandbox.secret}`;
      const response = await fetch(new URL(path, sandbox.apiBaseUrl), {
        method,
        headers: {
          authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return {
        status: response.status,
        headers: response.headers,
        json: (await response.json()) as Record<string, unknown>,
      };
    },
    newOrg: (name) =>
      harness.sandbox.state.addOrganization({
        organization_name: name,
        organization_slug: name.toLowerCase().replace(/\s+/g, '-'),
      }),
  };
  beforeAll(async () => {
    harness.sandbox = await startSandbox();
  });
  afterAll(async () => {
    await harness.sandbox.stop();
  });
  afterEach(() => {
    harness.sandbox.http.faults.clear();
  });
  return harness;
}

/** The status a connection's SCIM endpoint answers Entra's Test Connection query with. */
export async function scimGet(baseUrl: string, token: string): Promise<number> {
  const url = new URL(baseUrl);
  const filter = encodeURIComponent('userName eq "x"');
  const response = await fetch(`${url.origin}${url.pathname}/Users?filter=${filter}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return response.status;
}
