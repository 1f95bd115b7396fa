import { describe, expect, it } from 'vitest';

import {
  allDelegatedPermissions,
  GRAPH_ACTIONS,
  GRAPH_RESOURCE,
  needFor,
  scopesFor,
  type GraphActionName,
} from '../../../main/microsoft-sign-in/graph-scopes';

const ACTIONS = Object.keys(GRAPH_ACTIONS) as GraphActionName[];

describe('the Graph scope table', () => {
  it('asks for Graph delegated scopes by their full resource name', () => {
    for (const action of ACTIONS) {
      for (const scope of scopesFor(action))
        expect(scope).toMatch(/^https:\/\/graph\.microsoft\.com\/[A-Za-z.]+$/);
    }
  });

  it('gives the right to create apps to the create-app action alone', () => {
    const withWrite = ACTIONS.filter((action) =>
      scopesFor(action).includes(`${GRAPH_RESOURCE}/Application.ReadWrite.All`),
    );
    expect(withWrite).toEqual(['create-app']);
  });

  it('keeps reading apps and provisioning free of write scopes', () => {
    for (const action of ['read-apps', 'read-provisioning', 'read-provisioning-logs'] as const) {
      expect(scopesFor(action).some((scope) => scope.includes('ReadWrite'))).toBe(false);
    }
  });

  it('lists each permission once for an app registration', () => {
    const all = allDelegatedPermissions();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('Synchronization.ReadWrite.All');
    expect(all).toContain('AuditLog.Read.All');
  });

  it('gives direct scopes the roles of every action that uses them', () => {
    const need = needFor([`${GRAPH_RESOURCE}/Application.Read.All`]);
    expect(need?.permissions).toEqual(['Application.Read.All']);
    expect(need?.roles).toContain('Cloud Application Administrator');
  });
});
