import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import type { GraphOperation } from '../../graph/graph-operations';
import { NON_GALLERY_TEMPLATE_ID } from '../../graph/graph-queries';
import { onDemandAnswer, toProvisioningObjectSummary } from './log-mapping';
import { GraphStandInError, notFound, type GraphStandInState } from './state';
import { templatesAnswer } from './templates';
import { applicationView, servicePrincipalView } from './tenant';

/** One request as a route sees it. */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** Request headers, names in lower case (Node's). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A route's answer: `body` as JSON, `text` as text/plain; neither means 204. */
export interface RouteAnswer {
  status: number;
  body?: unknown;
  text?: string;
}

type Route = (
  request: RouteRequest,
  state: GraphStandInState,
) => Promise<RouteAnswer> | RouteAnswer;

const badRequest = (message: string) => new GraphStandInError(400, 'Request_BadRequest', message);

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badRequest('Invalid request body.');
  return parsed.data;
}

const Pairs = z.array(z.object({ key: z.string(), value: z.string() }));
const pair = (pairs: z.output<typeof Pairs>, key: string) =>
  pairs.find((entry) => entry.key === key)?.value;

/** `$filter=displayName eq '…'` or `startswith(field,'…') or …`: the forms the client sends. */
function matchesFilter(filter: string | null, fields: Record<string, string | null | undefined>) {
  if (filter === null) return true;
  const clauses = [
    ...filter.matchAll(/(?:startswith\((\w+),'((?:[^']|'')*)'\)|(\w+) eq '((?:[^']|'')*)')/g),
  ];
  return clauses.some((clause) => {
    const [, prefixField, prefix, eqField, eq] = clause;
    if (prefixField !== undefined) {
      const value = fields[prefixField] ?? '';
      return value.toLowerCase().startsWith((prefix ?? '').replace(/''/g, "'").toLowerCase());
    }
    return (fields[eqField ?? ''] ?? '') === (eq ?? '').replace(/''/g, "'");
  });
}

const top = (query: URLSearchParams, fallback: number) => Number(query.get('$top') ?? fallback);

/** The stand-in's answer to every Graph call the client makes (reference §1–§5). */
export const GRAPH_ROUTES = {
  'servicePrincipals.list': ({ query }, state) => ({
    status: 200,
    body: {
      value: state.apps
        .filter((app) => matchesFilter(query.get('$filter'), { displayName: app.displayName }))
        .map(servicePrincipalView),
    },
  }),
  'servicePrincipals.get': ({ params }, state) => ({
    status: 200,
    body: servicePrincipalView(state.app(params['spId'] ?? '')),
  }),
  'applicationTemplates.instantiate': ({ params, body }, state) => {
    if (params['templateId'] !== NON_GALLERY_TEMPLATE_ID)
      throw notFound(params['templateId'] ?? '');
    const { displayName } = parse(z.object({ displayName: z.string().min(1) }), body);
    const app = state.createApp(displayName);
    return {
      status: 201,
      body: {
        '@odata.context':
          'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.applicationServicePrincipal',
        application: applicationView(app),
        servicePrincipal: servicePrincipalView(app),
      },
    };
  },
  'jobs.list': ({ params }, state) => ({
    status: 200,
    body: { value: state.jobsOf(state.app(params['spId'] ?? '')).map((job) => job.view()) },
  }),
  'templates.list': ({ params }, state) => {
    state.app(params['spId'] ?? '');
    return { status: 200, body: templatesAnswer() };
  },
  'jobs.create': ({ params, body }, state) => {
    const app = state.app(params['spId'] ?? '');
    const { templateId } = parse(z.object({ templateId: z.string() }), body);
    if (templateId !== 'scim') throw badRequest(`Template '${templateId}' was not found.`);
    return { status: 201, body: state.createJob(app).view() };
  },
  'jobs.get': ({ params }, state) => ({
    status: 200,
    body: state.job(state.app(params['spId'] ?? ''), params['jobId'] ?? '').view(),
  }),
  'jobs.validateCredentials': async ({ params, body }, state) => {
    const job = state.job(state.app(params['spId'] ?? ''), params['jobId'] ?? '');
    const { credentials } = parse(z.object({ credentials: Pairs }), body);
    const error = await job.validate(
      pair(credentials, 'BaseAddress') ?? '',
      pair(credentials, 'SecretToken') ?? '',
    );
    // The envelope of a failed test is [unconfirmed] (reference §2): 400, SCIM code in the message.
    if (error !== null) throw badRequest(`${error.code}: ${error.message}`);
    return { status: 204 };
  },
  // Beta only (reference §2, Secrets): the keys last PUT (or a new job's defaults), each value as
  // stored unless state.secretsReadAs withholds it (SecretToken answers null).
  'secrets.list': ({ params }, state) => ({
    status: 200,
    body: {
      value: state.app(params['spId'] ?? '').secrets.map(({ key, value }) => ({
        key,
        value: state.secretsReadAs.has(key) ? (state.secretsReadAs.get(key) ?? null) : value,
      })),
    },
  }),
  'secrets.put': ({ params, body }, state) => {
    const app = state.app(params['spId'] ?? '');
    const { value } = parse(z.object({ value: Pairs }), body);
    // Replace-all (reference §2, Secrets).
    app.secrets = value;
    const baseAddress = pair(value, 'BaseAddress');
    const token = pair(value, 'SecretToken');
    if (baseAddress !== undefined && token !== undefined) {
      for (const job of state.jobsOf(app)) {
        const error = job.configure(baseAddress, token);
        if (error !== null) throw badRequest(error.message);
      }
    }
    return { status: 204 };
  },
  'jobs.start': ({ params }, state) => {
    const app = state.app(params['spId'] ?? '');
    const job = state.job(app, params['jobId'] ?? '');
    if (!job.configured) throw badRequest('Credentials have not been saved for this job.');
    job.start();
    return { status: 204 };
  },
  'jobs.restart': async ({ params, body }, state) => {
    // The body is optional; criteria.resetScope is a comma-separated list (reference §2).
    const { criteria } = parse(
      z.object({ criteria: z.object({ resetScope: z.string().default('') }).optional() }),
      body ?? {},
    );
    const scope = (criteria?.resetScope ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    await state.job(state.app(params['spId'] ?? ''), params['jobId'] ?? '').restart(scope);
    return { status: 204 };
  },
  'jobs.schema.get': ({ params }, state) => ({
    status: 200,
    body: state.job(state.app(params['spId'] ?? ''), params['jobId'] ?? '').schema,
  }),
  'jobs.schema.put': ({ params, body }, state) => {
    const job = state.job(state.app(params['spId'] ?? ''), params['jobId'] ?? '');
    job.schema = parse(z.object({ synchronizationRules: z.array(z.unknown()) }).loose(), body);
    return { status: 204 };
  },
  'jobs.provisionOnDemand': async ({ params, body }, state) => {
    const job = state.job(state.app(params['spId'] ?? ''), params['jobId'] ?? '');
    const Subject = z.object({ objectId: z.string(), objectTypeName: z.string() });
    const Body = z.object({ parameters: z.array(z.object({ subjects: z.array(Subject) })).min(1) });
    const subject = parse(Body, body).parameters[0]?.subjects[0];
    if (subject?.objectTypeName !== 'User') throw badRequest('Only users are simulated on demand.');
    const report = await job.onDemand(subject.objectId);
    if (report === null) throw badRequest('Credentials have not been saved for this job.');
    return { status: 200, body: onDemandAnswer(report.entry, report.error?.message ?? null) };
  },
  'appRoleAssignedTo.list': ({ params }, state) => ({
    status: 200,
    body: { value: state.app(params['spId'] ?? '').assignments },
  }),
  'appRoleAssignedTo.create': ({ params, body }, state) => {
    const app = state.app(params['spId'] ?? '');
    const Body = z.object({
      principalId: z.string(),
      resourceId: z.string(),
      appRoleId: z.string(),
    });
    const request = parse(Body, body);
    const principal = state.principal(request.principalId);
    if (principal === null) throw notFound(request.principalId);
    const exists = app.assignments.some(
      (a) => a.principalId === request.principalId && a.appRoleId === request.appRoleId,
    );
    if (exists) throw badRequest('Permission being assigned already exists on the object');
    const assignment = {
      id: randomUUID(),
      appRoleId: request.appRoleId,
      principalId: request.principalId,
      principalDisplayName: principal.displayName,
      principalType: principal.type,
      resourceId: app.spId,
      resourceDisplayName: app.displayName,
      createdDateTime: state.options.now().toISOString(),
    };
    app.assignments.push(assignment);
    return { status: 201, body: assignment };
  },
  // Graph v1.0 "Delete appRoleAssignedTo": 204. The app's next cycle reads the assignments anew
  // (state.directoryOf), so the principal is out of scope and the simulator deprovisions them.
  'appRoleAssignedTo.delete': ({ params }, state) => {
    const app = state.app(params['spId'] ?? '');
    const assignmentId = params['assignmentId'] ?? '';
    const index = app.assignments.findIndex((assignment) => assignment.id === assignmentId);
    if (index === -1) throw notFound(assignmentId);
    app.assignments.splice(index, 1);
    return { status: 204 };
  },
  'auditLogs.provisioning': ({ query }, state) => {
    const jobId = /jobId eq '([^']*)'/.exec(query.get('$filter') ?? '')?.[1];
    const entries = [...state.jobs.entries()].flatMap(([id, { spId, job }]) => {
      if (jobId !== undefined && id !== jobId) return [];
      const app = state.apps.find((candidate) => candidate.spId === spId);
      const servicePrincipal = { id: spId, displayName: app?.displayName ?? '' };
      const context = { jobId: id, tenantId: state.tenantId, servicePrincipal };
      return job.log().map((entry) => toProvisioningObjectSummary(entry, context));
    });
    entries.sort((a, b) => b.activityDateTime.localeCompare(a.activityDateTime));
    return { status: 200, body: { value: entries.slice(0, top(query, 100)) } };
  },
  'users.list': ({ query }, state) => ({
    status: 200,
    body: {
      value: state.users
        .filter((user) =>
          matchesFilter(query.get('$filter'), {
            displayName: user.displayName,
            userPrincipalName: user.userPrincipalName,
            mail: user.mail,
          }),
        )
        .slice(0, top(query, 100))
        .map((user) => ({
          id: user.objectId,
          displayName: user.displayName,
          userPrincipalName: user.userPrincipalName,
          mail: user.mail,
        })),
    },
  }),
  // Graph v1.0 user-list.md, "Get only a count of users": text/plain, and only with
  // `ConsistencyLevel: eventual` (without it, 400 as microsoftgraph/microsoft-graph-docs#13226
  // quotes Graph).
  'users.count': ({ headers }, state) => {
    if (String(headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual')
      throw new GraphStandInError(400, 'Request_BadRequest', '$count is not currently supported.');
    return { status: 200, text: String(state.users.length) };
  },
  'groups.list': ({ query }, state) => ({
    status: 200,
    body: {
      value: state.groups
        .filter((group) => matchesFilter(query.get('$filter'), { displayName: group.displayName }))
        .slice(0, top(query, 100))
        .map((group) => ({
          id: group.objectId,
          displayName: group.displayName,
          description: null,
        })),
    },
  }),
} satisfies Record<GraphOperation, Route>;
