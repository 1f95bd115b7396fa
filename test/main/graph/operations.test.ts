import { describe, expect, it } from 'vitest';

import { scopesFor } from '../../../shared/entra/graph-permissions';
import { graphAppError } from '../../../main/graph/graph-errors';
import {
  GRAPH_OPERATION_NAMES,
  GRAPH_OPERATIONS,
  graphPath,
  matchGraphOperation,
  type GraphOperation,
  type GraphPathParams,
} from '../../../main/graph/graph-operations';
import {
  odataString,
  pickerFilter,
  provisioningLogFilter,
} from '../../../main/graph/graph-queries';

/** Every parameter any path names; graphPath reads only the ones its template has. */
const ALL_PARAMS = {
  spId: 'sp/1',
  jobId: 'scim.abc.def',
  templateId: 't 1',
  assignmentId: 'a 1',
};
const params = <O extends GraphOperation>(_operation: O) => ALL_PARAMS as GraphPathParams<O>;

describe('the one list of Graph operations', () => {
  it('routes every operation’s own path back to it, parameters decoded', () => {
    for (const operation of GRAPH_OPERATION_NAMES) {
      const path = graphPath(operation, params(operation));
      const matched = matchGraphOperation(GRAPH_OPERATIONS[operation].method, path);
      expect(matched?.operation, operation).toBe(operation);
      for (const value of Object.values(matched?.params ?? {}))
        expect(['sp/1', 'scim.abc.def', 't 1', 'a 1']).toContain(value);
    }
  });

  it('asks for full Graph scope URIs, both scopes for assignments (reference §5)', () => {
    expect(scopesFor(GRAPH_OPERATIONS['appRoleAssignedTo.create'].action)).toEqual([
      'https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All',
      'https://graph.microsoft.com/Application.Read.All',
    ]);
  });

  it('doubles single quotes in OData literals so a name cannot end the filter', () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
    expect(pickerFilter('groups', ' Sales ')).toBe(
      "startswith(displayName,'Sales') or startswith(mail,'Sales')",
    );
    expect(provisioningLogFilter("a'b", '2026-03-01T00:00:00Z')).toBe(
      "jobId eq 'a''b' and activityDateTime ge 2026-03-01T00:00:00Z",
    );
  });
});

describe('graphAppError', () => {
  const base = { operation: 'jobs.start' as const, clientRequestId: 'c-id' };

  it('quotes Graph’s message only for requests it rejected as bad', () => {
    const body = { error: { code: 'Request_BadRequest', message: 'Invalid value.' } };
    const error = graphAppError({ ...base, status: 400, body });
    expect(error.code).toBe('GRAPH_BAD_REQUEST');
    expect(error.message).toContain('Graph said: Invalid value.');
    expect(graphAppError({ ...base, status: 409, body }).code).toBe('GRAPH_CONFLICT');
  });

  it('calls 5xx a Graph failure worth retrying later, with the client request id', () => {
    const error = graphAppError({ ...base, status: 502, body: null });
    expect(error).toMatchObject({ code: 'GRAPH_SERVER_ERROR', retryable: true, requestId: 'c-id' });
    expect(error.message).toContain('client request ID c-id');
  });

  it('reads a 403 that names scp or consent as missing consent', () => {
    const body = {
      error: {
        code: 'Forbidden',
        message: 'Either scp or roles claim need to be present in the token.',
      },
    };
    expect(graphAppError({ ...base, status: 403, body }).code).toBe('MICROSOFT_CONSENT_REQUIRED');
  });
});
