import express, { type NextFunction, type Request, type Response } from 'express';

import { createScimApp } from './scim-test-server';

/** Express middleware that answers some requests itself and passes the rest on. */
export type Override = (request: Request, response: Response, next: NextFunction) => void;

/** The token every catalogue server accepts (unless its fault is about tokens). */
export const FAULT_TOKEN = 'fault-server-token-0123456789';

const SCIM_JSON = 'application/scim+json';

/**
 * A correct scimmy SCIM server with one defect in front of it: `override` sees every request
 * under /scim first. That keeps each fault server honest — everything but the defect is real.
 */
export function faultyScimApp(
  override: Override,
  options: { token?: string; entraCompat?: boolean } = {},
) {
  const { app: scim, directory } = createScimApp({
    token: options.token ?? FAULT_TOKEN,
    ...(options.entraCompat === undefined ? {} : { entraCompat: options.entraCompat }),
  });
  const app = express();
  app.use('/scim', override);
  app.use(scim);
  return { app, directory };
}

/** True for Entra's Test Connection request (a filtered GET on /Users). */
export function isUserQuery(request: Request): boolean {
  return (
    request.method === 'GET' &&
    request.path === '/Users' &&
    typeof request.query.filter === 'string'
  );
}

/** Sends `body` as JSON with the given status and content type. */
export function sendJson(
  response: Response,
  status: number,
  body: unknown,
  type = SCIM_JSON,
): void {
  response.status(status).type(type).send(JSON.stringify(body));
}

/** A SCIM Error body (RFC 7644 §3.12). */
export function scimError(status: number, detail: string, scimType?: string): unknown {
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
    detail,
    ...(scimType ? { scimType } : {}),
  };
}

/** An empty ListResponse with the given changes. */
export function emptyList(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const list: Record<string, unknown> = {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: 0,
    Resources: [],
    startIndex: 1,
    itemsPerPage: 20,
    ...changes,
  };
  // A change to undefined removes the field, to build lists that lack one.
  return Object.fromEntries(Object.entries(list).filter(([, value]) => value !== undefined));
}

/** A sign-in page like the ones single sign-on gateways put in front of web apps. */
export const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><form action="/login" method="post"><input name="password" type="password"></form></body></html>';
