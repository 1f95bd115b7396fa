import { afterAll, afterEach, beforeAll } from 'vitest';

import {
  startSandbox,
  type RunningSandbox,
  type StartSandboxOptions,
} from '../../main/sandbox/sandbox';

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
export function installStandIn(options: StartSandboxOptions = {}): StandInHarness {
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
    harness.sandbox = await startSandbox(options);
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

/** A SCIM answer: status and body (null when empty, as after DELETE). */
export interface ScimReply {
  status: number;
  json: Record<string, unknown> | null;
}

/** Sends a SCIM request to a connection's endpoint as Entra does (base_url's query dropped). */
export async function scimRequest(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ScimReply> {
  const url = new URL(baseUrl);
  const response = await fetch(`${url.origin}${url.pathname}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
  };
}

/** Entra's PATCH that deactivates (false) or reactivates (true) a user. */
export function setActive(active: boolean) {
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Replace', path: 'active', value: active }],
  };
}

/** Entra's PATCH that adds a user to a group. */
export function addMember(userId: string) {
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Add', path: 'members', value: [{ value: userId }] }],
  };
}

/** The body of Entra's POST /Groups. */
export function entraGroup(displayName: string) {
  return { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName, members: [] };
}
