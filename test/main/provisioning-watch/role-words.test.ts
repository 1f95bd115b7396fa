import { describe, expect, it } from 'vitest';

import { foldMembers } from '../../../main/provisioning-watch/member-changes';
import { roleWords } from '../../../main/provisioning-watch/role-words';

const GROUPS = [{ value: 'scim-group-1', display: 'Engineering' }];
const fromGroup = (group_id: string) => ({
  type: 'scim_connection_group',
  details: { connection_id: 'scim-connection-test-1', group_id },
});

describe('roleWords', () => {
  it('names the Entra group a role comes from, by the member’s own group list', () => {
    expect(
      roleWords({ role_id: 'billing-viewer', sources: [fromGroup('scim-group-1')] }, GROUPS),
    ).toBe('billing-viewer (from Entra group “Engineering”)');
  });

  it('says every source of a role, and keeps one it does not know in plain words', () => {
    expect(
      roleWords(
        {
          role_id: 'support-agent',
          sources: [
            fromGroup('scim-group-gone'),
            { type: 'direct_assignment' },
            { type: 'new_kind' },
          ],
        },
        GROUPS,
      ),
    ).toBe('support-agent (from an Entra group; assigned directly; from new kind)');
    expect(roleWords({ role_id: 'stytch_member' }, [])).toBe('stytch_member');
  });

  it('shows a member’s role with its group in the watch, and records the change', () => {
    const member = {
      member_id: 'member-test-1',
      email_address: 'diego@contoso.com',
      name: 'Diego',
      status: 'active',
      scim_registration: {
        connection_id: 'scim-connection-test-1',
        scim_attributes: { groups: GROUPS },
      },
      roles: [] as { role_id: string; sources: ReturnType<typeof fromGroup>[] }[],
    };
    const first = foldMembers(new Map(), [member], '2026-01-01T00:00:00Z', true);
    const withRole = {
      ...member,
      roles: [{ role_id: 'billing-viewer', sources: [fromGroup('scim-group-1')] }],
    };
    const second = foldMembers(first.members, [withRole], '2026-01-01T00:01:00Z', false);
    expect(second.members.get('member-test-1')?.roles).toEqual([
      'billing-viewer (from Entra group “Engineering”)',
    ]);
    expect(second.changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        detail: 'roles: billing-viewer (from Entra group “Engineering”)',
      }),
    ]);
  });
});
