import { describe, expect, it } from 'vitest';

import { matching } from '../../support/matching';
import type { ProbeCheck, ProbeStatus } from '../../../shared/probe/report';
import {
  emptyList,
  FAULT_TOKEN,
  scimError,
  sendJson,
  type Override,
} from './support/fault-servers';
import { checkOf, probe } from './support/probe-harness';
import type { ScimDirectory } from './support/scim-test-server';
import {
  isUserPatch,
  operationsOf,
  remaining,
  startWithFault,
} from './support/write-cycle-servers';

const FLAG = '/scim?aadOptscim062020';
const NO_FLAG = '/scim';
const ADSCIM = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

/** One server that accepts a write and does not do it (or finds badly), and what the probe says. */
interface Case {
  name: string;
  tenantPath: string;
  fault: (directory: () => ScimDirectory) => Override;
  /** The line that catches it. */
  label: string;
  status: ProbeStatus;
  message: RegExp;
  fix?: RegExp;
}

const userIdOf = (path: string): string => path.slice('/Users/'.length);

/** Answers 200 with the user as it is, without applying anything: "accepted", nothing changed. */
const acceptAndIgnore =
  (directory: () => ScimDirectory): Override =>
  (request, response) =>
    sendJson(response, 200, directory().users.get(userIdOf(request.path)) ?? {});

const CASES: Case[] = [
  {
    name: 'answers the legacy PATCH with 200 but leaves "active" unchanged',
    tenantPath: NO_FLAG,
    fault: (directory) => (request, response, next) =>
      isUserPatch(request) && operationsOf(request).some((op) => op.op === 'Replace')
        ? acceptAndIgnore(directory)(request, response, next)
        : next(),
    label: 'read-legacy',
    status: 'fail',
    message:
      /"active" reads back as true, not false: Entra will believe the user is deactivated; they keep access\./,
    fix: /"True"\/"False" strings as the booleans they stand for/,
  },
  {
    name: 'stores the legacy "False" as true (a non-empty string is truthy)',
    tenantPath: NO_FLAG,
    fault: () => (request, _response, next) => {
      for (const op of isUserPatch(request) ? operationsOf(request) : []) {
        if (op.value === 'False') op.value = Boolean(op.value);
      }
      next();
    },
    label: 'read-legacy',
    status: 'fail',
    message:
      /"active" reads back as true, not false: Entra will believe the user is deactivated; they keep access\./,
  },
  {
    name: 'ignores a path-less replace',
    tenantPath: FLAG,
    fault: () => (request, _response, next) => {
      if (isUserPatch(request)) {
        const body = request.body as { Operations: unknown[] };
        body.Operations = operationsOf(request).filter((op) => op.path !== undefined);
      }
      next();
    },
    label: 'read-compliant',
    status: 'fail',
    message:
      /"name\.givenName" reads back as "SCIM", not "Compliant check": Entra will believe the name was changed/,
    fix: /reading dotted keys such as "name\.givenName" as sub-attributes/,
  },
  {
    name: 'stores a path-less replace’s dotted key literally',
    tenantPath: FLAG,
    fault: () => {
      // What each user's path-less replaces stored, key by key as sent ("name.givenName").
      const literal = new Map<string, Record<string, unknown>>();
      return (request, response, next) => {
        const id = userIdOf(request.path);
        if (isUserPatch(request)) {
          for (const op of operationsOf(request).filter((o) => o.path === undefined)) {
            literal.set(id, { ...literal.get(id), ...(op.value as Record<string, unknown>) });
          }
          const body = request.body as { Operations: unknown[] };
          body.Operations = operationsOf(request).filter((op) => op.path !== undefined);
        } else if (request.method === 'GET' && literal.has(id)) {
          // scimmy would drop an unknown attribute, so the stored key is added where it is read.
          const send = response.send.bind(response);
          response.send = (sent: unknown) => {
            const text = Buffer.isBuffer(sent) ? sent.toString() : sent;
            const read: unknown = typeof text === 'string' ? JSON.parse(text) : text;
            return send(JSON.stringify({ ...(read as object), ...literal.get(id) }));
          };
        }
        next();
      };
    },
    label: 'read-compliant',
    status: 'fail',
    message: /stored "name\.givenName" as an attribute of its own/,
  },
  {
    name: 'answers every user filter with an empty list',
    tenantPath: FLAG,
    fault: () => (request, response, next) =>
      request.method === 'GET' && request.path === '/Users' && request.query.filter
        ? sendJson(response, 200, emptyList())
        : next(),
    label: 'find-by-externalId',
    status: 'fail',
    message:
      /Querying by externalId did not return the user just created\. Entra will not find the users it creates: on its next cycle it will try to create each one again/,
    fix: /return the matching user in a ListResponse/,
  },
  {
    name: 'matches the userName filter case-sensitively',
    tenantPath: FLAG,
    fault: (directory) => (request, response, next) => {
      const filter = typeof request.query.filter === 'string' ? request.query.filter : '';
      const wanted = /^userName eq "(.*)"$/.exec(filter)?.[1];
      if (request.method !== 'GET' || wanted === undefined) return next();
      const found = [...directory().users.values()].filter((u) => u.userName === wanted);
      sendJson(response, 200, emptyList({ totalResults: found.length, Resources: found }));
    },
    label: 'find-by-userName-any-case',
    status: 'warn',
    message:
      /The userName filter is case-sensitive: .* Entra will not find the user and will try to create it again\./,
    fix: /RFC 7643 defines it with "caseExact": false/,
  },
  {
    name: 'drops externalId on create',
    tenantPath: FLAG,
    fault: () => (request, _response, next) => {
      if (request.method === 'POST' && request.path === '/Users') {
        delete (request.body as { externalId?: unknown }).externalId;
      }
      next();
    },
    label: 'find-by-externalId',
    status: 'fail',
    message: /Querying by externalId did not return the user just created\. Entra will not find/,
  },
  {
    name: 'stores emails in lower case',
    tenantPath: FLAG,
    fault: () => (request, _response, next) => {
      const body = request.body as { emails?: Array<{ value: string }> };
      if (request.method === 'POST' && request.path === '/Users') {
        for (const email of body.emails ?? []) email.value = email.value.toLowerCase();
      }
      next();
    },
    label: 'read',
    // Entra's incremental cycles only process users changed since the last watermark
    // (entra-docs how-provisioning-works.md, "Incremental cycles"): a note, not a warning.
    status: 'pass',
    message:
      /the work email came back as "scim-check-[^"]+@check\.example\.com", not "[^"]+@Check\.Example\.com" as sent\. Harmless on its own: Entra’s incremental cycles only look at users changed in Entra since the last cycle/,
  },
  {
    name: 'refuses Entra’s Create Group (the ADSCIM schema URI) with 400',
    tenantPath: FLAG,
    fault: () => (request, response, next) => {
      const schemas = (request.body as { schemas?: string[] } | undefined)?.schemas ?? [];
      return request.method === 'POST' && schemas.includes(ADSCIM)
        ? sendJson(response, 400, scimError(400, `Unknown schema ${ADSCIM}`, 'invalidValue'))
        : next();
    },
    label: 'create-group',
    status: 'warn',
    message:
      /Entra’s exact Create Group request \(two schema URIs, externalId, displayName, meta\.resourceType\) answered 400/,
    fix: /Accept the ADSCIM schema URI .* or enable your server’s Entra compatibility option/,
  },
  {
    name: 'refuses a group PATCH with a PascalCase op',
    tenantPath: NO_FLAG,
    fault: () => (request, response, next) =>
      request.method === 'PATCH' &&
      request.path.startsWith('/Groups/') &&
      operationsOf(request).some((op) => op.op !== op.op?.toLowerCase())
        ? sendJson(response, 400, scimError(400, 'Unknown op', 'invalidSyntax'))
        : next(),
    label: 'add-member',
    status: 'warn',
    message:
      /Adding the test user to the group \(Entra’s "op":"Add", "path":"members"\) answered 400/,
  },
  {
    name: 'refuses a member whose "$ref" is null',
    tenantPath: FLAG,
    fault: () => (request, response, next) =>
      request.method === 'PATCH' && JSON.stringify(request.body ?? {}).includes('"$ref":null')
        ? sendJson(response, 400, scimError(400, '$ref must be a string', 'invalidValue'))
        : next(),
    label: 'add-member',
    status: 'warn',
    message: /Adding the test user to the group .* answered 400 \(“\$ref must be a string”\)/,
  },
  {
    name: 'answers a group PATCH with 204 and changes nothing',
    tenantPath: FLAG,
    fault: () => (request, response, next) =>
      request.method === 'PATCH' && request.path.startsWith('/Groups/')
        ? void response.sendStatus(204)
        : next(),
    label: 'read-members',
    status: 'warn',
    message:
      /the test user is not among the group’s members: Entra will believe the user is in the group/,
  },
];

async function writeCycle(origin: string, tenantPath: string): Promise<ProbeCheck> {
  const report = await probe(`${origin}${tenantPath}`, FAULT_TOKEN, { writeCycle: true });
  expect(JSON.stringify(report)).not.toContain(FAULT_TOKEN);
  return checkOf(report, 'write-cycle');
}

describe('write cycle: a write the server accepted but did not do is caught by reading back', () => {
  it.each(CASES)('server that $name: $label says so, and nothing is left', async (fault) => {
    const server = await startWithFault(fault.fault);
    try {
      const check = await writeCycle(server.origin, fault.tenantPath);
      const line = check.exchanges?.find((l) => l.label === fault.label);
      expect(line?.status, line?.message).toBe(fault.status);
      expect(line?.message).toMatch(fault.message);
      // The case names the fix when it has one to check.
      expect(check).toMatchObject({
        status: fault.status,
        message: matching(fault.message),
        ...(fault.fix ? { fix: matching(fault.fix) } : {}),
      });
      expect(check.message).not.toMatch(/Left behind/);
      expect(await remaining(server)).toEqual({ users: 0, groups: 0 });
    } finally {
      await server.close();
    }
  });
});
