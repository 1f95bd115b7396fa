import { describe, expect, it } from 'vitest';

import {
  allDelegatedPermissions,
  GRAPH_ACTIONS,
  GRAPH_RESOURCE,
  needFor,
  scopesFor,
  type GraphActionName,
} from '../../shared/entra/graph-permissions';

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

  it('asks for AuditLog.Read.All and Directory.Read.All together for the provisioning log, the pair Graph lists as least privileged', () => {
    // microsoft-graph-docs-contrib: api-reference/v1.0/api/provisioningobjectsummary-list.md,
    // Permissions: "AuditLog.Read.All and Directory.Read.All"; higher privileged: not available.
    expect(GRAPH_ACTIONS['read-provisioning-logs'].permissions).toEqual([
      'AuditLog.Read.All',
      'Directory.Read.All',
    ]);
    expect(GRAPH_ACTIONS['read-provisioning-logs'].roles).toEqual(
      expect.arrayContaining(['Reports Reader', 'Security Operator', 'Security Administrator']),
    );
  });

  it("gives an action's own row by name, and none for a scope string or an object's key", () => {
    const need = needFor('assign-users');
    expect(need?.permissions).toContain('Application.Read.All');
    expect(need?.roles).toContain('Cloud Application Administrator');
    expect(needFor(`${GRAPH_RESOURCE}/Application.Read.All`)).toBeNull();
    expect(needFor('toString')).toBeNull();
  });
});

describe("the README's permission table", () => {
  it('lists every action with its permissions and roles, as the app asks for them', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('## Doing the Entra steps through Microsoft Graph')[1] ?? '';
    const rows = (section.split('\n## ')[0] ?? '')
      .split('\n')
      .filter((line) => line.startsWith('| ') && line.includes('`'));
    expect(rows).toHaveLength(ACTIONS.length);
    for (const action of ACTIONS) {
      const { permissions, roles } = GRAPH_ACTIONS[action];
      const row = rows.find((line) => {
        const named = [...line.matchAll(/`([A-Za-z.]+)`/g)].map((match) => match[1]);
        return named.length === permissions.length && permissions.every((p) => named.includes(p));
      });
      expect(row, `README row for ${action}`).toBeDefined();
      for (const role of roles) expect(row).toContain(role);
    }
  });
});
