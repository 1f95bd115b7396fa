import type { FetchLike } from '../../../../main/http/create-http-client';
import type { ProbeCheckId, ProbeStatus } from '../../../../shared/probe/report';
import { electronLikeFetch } from './electron-like-fetch';
import {
  ENTRA_SHOWS_NO_ANSWER,
  ENTRA_SHOWS_SUCCESS,
  entraShowsAnswer,
  groupQueryUrl,
  literally,
  userQueryUrl,
} from './entra-shows';
import {
  emptyList,
  FAULT_TOKEN,
  faultyScimApp,
  isUserQuery,
  LOGIN_PAGE,
  scimError,
  sendJson,
  type Override,
} from './fault-servers';
import { closedPort, startHttp, type RunningServer } from './servers';

/** One misbehaving server and what the probe must say about it. */
export interface Fault {
  name: string;
  start(): Promise<RunningServer>;
  /** Path and query appended to the server's origin (default '/scim?aadOptscim062020'). */
  tenantPath?: string;
  writeCycle?: boolean;
  timeoutMs?: number;
  /** The probe's fetch, when not the default (Node's own for http, the test CA's for https). */
  fetch?: FetchLike;
  expect: {
    check: ProbeCheckId;
    status: ProbeStatus;
    message: RegExp;
    fix?: RegExp;
    entraWouldSay?: RegExp;
  };
  /** Checks that must be skipped because the failing one is their prerequisite. */
  skipped?: ProbeCheckId[];
}

/** Starts a plain-http catalogue server: scimmy behind `override`. */
export const http =
  (override: Override, options: { token?: string; entraCompat?: boolean } = {}) =>
  () =>
    startHttp(faultyScimApp(override, options).app);

/** An override that changes nothing. */
export const pass: Override = (_request, _response, next) => next();

const onUserQuery =
  (answer: (response: Parameters<Override>[1]) => void): Override =>
  (request, response, next) =>
    isUserQuery(request) ? answer(response) : next();

const DEEPER: ProbeCheckId[] = [
  'auth-enforced',
  'external-id-filter',
  'groups',
  'not-found-shape',
  'discovery',
];

/** What Entra shows when it got this answer to its user query. */
const toUserQuery = (code: 'Unavailable' | 'Failure', status: string, content?: string): RegExp =>
  entraShowsAnswer({
    code,
    resource: userQueryUrl(),
    status,
    ...(content === undefined ? {} : { content }),
  });

/** Servers whose fault Entra's own Test Connection trips over. */
export const TEST_CONNECTION_FAULTS: Fault[] = [
  {
    name: 'rejects the token (401)',
    start: http(pass, { token: 'a-different-token-entirely' }),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /401 Unauthorized/,
      entraWouldSay: toUserQuery('Failure', 'Unauthorized'),
    },
    skipped: DEEPER,
  },
  {
    name: 'forbids the token (403)',
    start: http(onUserQuery((r) => sendJson(r, 403, scimError(403, 'Token lacks scope')))),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /403 Forbidden.*Token lacks scope/,
      entraWouldSay: toUserQuery('Failure', 'Forbidden', '.*Token lacks scope.*'),
    },
  },
  {
    name: 'answers 404 when nothing matches (the classic)',
    start: http(onUserQuery((r) => sendJson(r, 404, scimError(404, 'User not found')))),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /404 Not Found/,
      fix: /Return an empty list, not 404/,
      entraWouldSay: toUserQuery('Unavailable', 'NotFound', '.*User not found.*'),
    },
  },
  {
    name: 'is not at this path (HTML 404 from the web server)',
    start: http(pass),
    tenantPath: '/api/scim/v2?aadOptscim062020',
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /Nothing at this address.*URL path is probably wrong/,
      entraWouldSay: entraShowsAnswer({
        code: 'Unavailable',
        resource: userQueryUrl('/api/scim/v2'),
        status: 'NotFound',
      }),
    },
  },
  {
    name: 'does not allow GET on /Users (405)',
    start: http(onUserQuery((r) => sendJson(r, 405, scimError(405, 'GET not allowed')))),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /405 Method Not Allowed/,
      entraWouldSay: toUserQuery('Failure', 'MethodNotAllowed', '.*GET not allowed.*'),
    },
  },
  {
    name: 'has not implemented filtering (501)',
    start: http(onUserQuery((r) => sendJson(r, 501, scimError(501, 'Filtering not implemented')))),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /501 Not Implemented/,
      entraWouldSay: toUserQuery('Unavailable', 'NotImplemented', '.*Filtering not implemented.*'),
    },
  },
  {
    name: 'fails with a server error (500)',
    start: http(onUserQuery((r) => sendJson(r, 500, scimError(500, 'database down')))),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /500: an error on the server side/,
      entraWouldSay: toUserQuery('Unavailable', 'InternalServerError', '.*database down.*'),
    },
  },
  {
    name: 'is behind single sign-on (200 with a login page)',
    start: http(
      (_request, response) => void response.status(200).type('text/html').send(LOGIN_PAGE),
    ),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /web page.*Sign in to your account.*sign-in page/,
      fix: /single sign-on/,
      entraWouldSay: toUserQuery('Unavailable', 'OK', literally(LOGIN_PAGE)),
    },
  },
  {
    name: 'redirects to a sign-in page (302)',
    start: http((_request, response) => {
      response.redirect(
        302,
        'https://login.microsoftonline.com/common/oauth2/authorize?client_id=x',
      );
    }),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /redirected \(302\) to a sign-in page/,
      entraWouldSay: toUserQuery('Unavailable', 'Found'),
    },
  },
  {
    name: 'redirects, seen through Electron’s net.fetch (which hides the target)',
    start: http((_request, response) => {
      response.redirect(302, 'https://login.microsoftonline.com/common/oauth2/authorize');
    }),
    fetch: electronLikeFetch,
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /redirected \(3xx\).*cannot see where/,
      fix: /Open the Tenant URL in a browser/,
      entraWouldSay: ENTRA_SHOWS_NO_ANSWER,
    },
    skipped: DEEPER,
  },
  {
    name: 'redirects a wrong token to a sign-in page, seen through Electron’s net.fetch',
    start: http((request, response, next) => {
      if (request.headers.authorization === `Bearer ${FAULT_TOKEN}`) next();
      else response.redirect(302, 'https://login.microsoftonline.com/common/oauth2/authorize');
    }),
    fetch: electronLikeFetch,
    expect: {
      check: 'auth-enforced',
      status: 'warn',
      message: /With a wrong token the server answered with a redirect \(3xx\)/,
    },
  },
  {
    name: 'answers with application/json instead of application/scim+json',
    start: http(onUserQuery((r) => sendJson(r, 200, emptyList(), 'application/json'))),
    expect: {
      check: 'test-connection',
      status: 'warn',
      message: /application\/json, not application\/scim\+json/,
      entraWouldSay: ENTRA_SHOWS_SUCCESS,
    },
  },
  {
    name: 'leaves out totalResults',
    start: http(onUserQuery((r) => sendJson(r, 200, emptyList({ totalResults: undefined })))),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /no "totalResults"/,
      entraWouldSay: toUserQuery('Unavailable', 'OK'),
    },
  },
  {
    name: 'ignores the filter (returns every user)',
    start: http(
      onUserQuery((r) =>
        sendJson(
          r,
          200,
          emptyList({
            totalResults: 1,
            Resources: [{ id: 'u1', userName: 'someone@example.com' }],
          }),
        ),
      ),
    ),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /returned 1 result\(s\).*ignores the filter/,
      entraWouldSay: toUserQuery('Unavailable', 'OK', '.*someone@example\\.com.*'),
    },
  },
  {
    name: 'answers with something that is not JSON',
    start: http(onUserQuery((r) => void r.status(200).type('text/plain').send('OK'))),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /not JSON \(content type text\/plain/,
      entraWouldSay: toUserQuery('Unavailable', 'OK', 'OK'),
    },
  },
  {
    name: 'rejects Entra’s filter (400)',
    start: http(
      onUserQuery((r) => sendJson(r, 400, scimError(400, 'Bad filter', 'invalidFilter'))),
    ),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /400 Bad Request.*rejected the filter/,
      entraWouldSay: toUserQuery('Failure', 'BadRequest', '.*Bad filter.*'),
    },
  },
  {
    name: 'is throttling (429)',
    start: http(onUserQuery((r) => sendJson(r, 429, scimError(429, 'Slow down')))),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /429 Too Many Requests/,
      entraWouldSay: toUserQuery('Failure', 'TooManyRequests', '.*Slow down.*'),
    },
  },
  {
    name: 'answers /Users but has no /Groups (404), which Test Connection also queries',
    start: http((request, response, next) =>
      request.path.startsWith('/Groups')
        ? void response.status(404).type('text/html').send('<h1>Not Found</h1>')
        : next(),
    ),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message:
        /^The user query passed, but the group query failed: The server does not support groups: \/Groups answered 404\./,
      fix: /Make \/Groups answer Entra’s group query/,
      entraWouldSay: entraShowsAnswer({
        code: 'Unavailable',
        resource: groupQueryUrl(),
        status: 'NotFound',
        content: literally('<h1>Not Found</h1>'),
      }),
    },
    skipped: DEEPER,
  },
  {
    name: 'never answers (timeout)',
    start: http(onUserQuery(() => undefined)),
    timeoutMs: 400,
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /No answer from 127\.0\.0\.1:\d+ within 400 ms/,
      entraWouldSay: ENTRA_SHOWS_NO_ANSWER,
    },
  },
  {
    name: 'drops the connection without answering',
    start: http((request) => void request.socket.destroy()),
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /closed the connection without answering/,
      entraWouldSay: ENTRA_SHOWS_NO_ANSWER,
    },
  },
  {
    name: 'is not running (connection refused)',
    start: async () => {
      const port = await closedPort();
      return { origin: `http://127.0.0.1:${port}`, port, close: () => Promise.resolve() };
    },
    expect: {
      check: 'test-connection',
      status: 'fail',
      message: /refused the connection/,
      entraWouldSay: ENTRA_SHOWS_NO_ANSWER,
    },
  },
];
